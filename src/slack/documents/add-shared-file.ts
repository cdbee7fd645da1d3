import { z } from 'zod';
import { mayAddDocuments } from '../../core/documents/permissions.ts';
import { oncePerDelivery } from '../../services/delivery-service.ts';
import { IngestBusyError, IngestError, ingestSources, MAX_DOCUMENT_BYTES } from '../../services/ingest-service.ts';
import { type SlackDeps, todayOf } from '../deps.ts';
import { tell } from '../followups/tell.ts';
import type { Reply } from '../kit/reply.ts';
import { type SlackFilesClient, slackErrorCode } from '../web-api.ts';
import { DownloadError, downloadFile, downloadOrigins } from './download.ts';
import { refusalReason } from './refusal-reason.ts';
import { postRevisionNotices } from './revision-notices.ts';
import { buildUploadAnswer, buildUploadRefusal } from './upload-blocks.ts';

/**
 * The most measures a document shared in Slack may have. The bot cuts an upload on the pool but parses and
 * writes it on its own thread, the write in one transaction, during which no other request is answered: a
 * 5 MB file of 32,591 short items took 3 s to write, past Slack's deadline for everyone else's commands. At
 * this limit the longest stall of the largest upload was 1.4–1.9 s, of which the write was 1.3 s
 * (`npm run bench -- upload`). Real plans have tens to hundreds of measures; a larger compendium is indexed
 * from the command line.
 */
export const MAX_UPLOAD_MEASURES = 5_000;

/** A file someone shared with the bot: in its DM (file_shared) or with an @mention in a channel (app_mention). */
export interface SharedFile {
  fileId: string;
  user: string;
  channel: string;
  /** The message the file came with (its thread is answered); null: looked up in files.info's shares. */
  threadTs: string | null;
}

const shareSchema = z.array(z.object({ ts: z.string(), thread_ts: z.string().optional() }).passthrough());

/** The parts of files.info's `file` this reads. */
const fileInfoSchema = z.object({
  file: z
    .object({
      id: z.string(),
      name: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      url_private_download: z.string().optional(),
      url_private: z.string().optional(),
      shares: z
        .object({ public: z.record(shareSchema).optional(), private: z.record(shareSchema).optional() })
        .partial()
        .optional(),
    })
    .passthrough(),
});

type FileInfo = z.infer<typeof fileInfoSchema>['file'];

/** The message in `channel` the file was shared with (its thread is where the answer goes). */
function shareTs(file: FileInfo, channel: string): string | null {
  const share = file.shares?.public?.[channel]?.[0] ?? file.shares?.private?.[channel]?.[0];
  return share ? (share.thread_ts ?? share.ts) : null;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The reason shown for a download that failed (plain text). */
function downloadReason(err: DownloadError, file: string, deps: SlackDeps): string {
  const s = deps.strings;
  if (err.problem === 'too_large')
    return s.docTooLarge(file, mb(err.bytes ?? MAX_DOCUMENT_BYTES + 1), mb(MAX_DOCUMENT_BYTES));
  if (err.problem === 'timeout') return s.docDownloadTimeout(file);
  return s.docDownloadFailed(file);
}

/**
 * Indexes a file shared with the bot and answers in the file's thread: the permission check (admins and
 * INGEST_USERS) before anything is fetched; files.info; the download (bot token, size limit, deadline); the one
 * ingest service; then the notes owed to follow-up threads, and the answer (what was indexed, what changed,
 * what the parser was unsure of). A retried event is not acted on twice (the file and channel are the key).
 * Nothing is written when the file cannot be read.
 */
export async function addSharedFile(
  f: SharedFile,
  client: SlackFilesClient,
  deps: SlackDeps,
  token: string,
): Promise<void> {
  const s = deps.strings;
  await oncePerDelivery(deps, `upload:${f.fileId}:${f.channel}`, async () => {
    if (!mayAddDocuments(f.user, { admins: deps.config.SLACK_ADMIN_USERS, ingestUsers: deps.config.INGEST_USERS })) {
      await tell(client, deps.logger, { user: f.user, channel: f.channel, threadTs: f.threadTs }, s.docNotAllowed);
      return;
    }
    let info: FileInfo;
    try {
      info = fileInfoSchema.parse(await client.files.info({ file: f.fileId })).file;
    } catch (err) {
      deps.logger.warn('files.info failed for a shared file', { file: f.fileId, error: slackErrorCode(err) });
      await tell(client, deps.logger, { user: f.user, channel: f.channel, threadTs: f.threadTs }, s.docFileGone);
      return;
    }
    const threadTs = f.threadTs ?? shareTs(info, f.channel);
    const answer = async (r: Reply) => {
      await client.chat.postMessage({
        channel: f.channel,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        text: r.text,
        blocks: r.blocks,
        unfurl_links: false,
      });
    };
    const url = info.url_private_download ?? info.url_private;
    if (!url) {
      await answer(buildUploadRefusal(s.docDownloadFailed(info.name), s));
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = await downloadFile(url, {
        token,
        maxBytes: MAX_DOCUMENT_BYTES,
        allowedOrigins: downloadOrigins(deps.config.SLACK_API_URL),
        ...(info.size !== undefined ? { reportedBytes: info.size } : {}),
      });
    } catch (err) {
      if (!(err instanceof DownloadError)) throw err;
      deps.logger.warn('could not download a shared file', {
        file: f.fileId,
        problem: err.problem,
        error: err.message,
      });
      await answer(buildUploadRefusal(downloadReason(err, info.name, deps), s));
      return;
    }
    let result: Awaited<ReturnType<typeof ingestSources>>;
    try {
      // waitForOtherIngestMs 0: the bot must not block its event loop behind a long command-line ingest.
      result = await ingestSources(deps, [{ file: info.name, bytes }], {
        addedBy: f.user,
        waitForOtherIngestMs: 0,
        maxMeasuresPerDocument: MAX_UPLOAD_MEASURES,
      });
    } catch (err) {
      if (err instanceof IngestError) {
        await answer(buildUploadRefusal(refusalReason(err.problems, s), s));
        return;
      }
      if (err instanceof IngestBusyError) {
        await answer(buildUploadRefusal(s.docBusy, s));
        return;
      }
      throw err;
    }
    const indexed = result.indexed[0];
    if (!indexed) throw new Error(`ingest returned nothing for ${info.name}`);
    // The follow-up threads first, so the answer can say which of them were told.
    const notices = await postRevisionNotices(client, deps);
    const affected = new Set(indexed.affectedFollowups.map((a) => a.followupId));
    const told = {
      posted: notices.posted.filter((id) => affected.has(id)),
      failed: notices.failed.filter((id) => affected.has(id)),
    };
    await answer(buildUploadAnswer({ result: indexed, today: todayOf(deps), strings: s, told }));
  });
}

/** Files shared with one @mention, one after another (each answered in the message's thread). */
export async function addSharedFiles(
  files: readonly { id: string }[],
  where: { user: string; channel: string; threadTs: string },
  client: SlackFilesClient,
  deps: SlackDeps,
  token: string,
): Promise<void> {
  for (const file of files) await addSharedFile({ fileId: file.id, ...where }, client, deps, token);
}
