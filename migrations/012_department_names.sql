-- The distinct department names, so a department filter (部门:商务 is a substring of 市商务局, 商务部…) compares
-- the pattern with each name once instead of with every task's departments; the tasks are then reached through
-- the name index of task_departments. Kept by triggers. A name whose last task is gone stays: it then selects
-- nothing, and the table grows only with names ever seen.
CREATE TABLE department_names (
  name TEXT PRIMARY KEY
) WITHOUT ROWID;

INSERT OR IGNORE INTO department_names (name) SELECT DISTINCT name FROM task_departments;

CREATE TRIGGER task_departments_name_insert AFTER INSERT ON task_departments BEGIN
  INSERT OR IGNORE INTO department_names (name) VALUES (new.name);
END;

CREATE TRIGGER task_departments_name_update AFTER UPDATE OF name ON task_departments BEGIN
  INSERT OR IGNORE INTO department_names (name) VALUES (new.name);
END;
