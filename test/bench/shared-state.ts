/** What one bench module leaves for the next in the same `npm run bench` run (the large index, built once). */
export const benchState: { searchDb?: { file: string; measures: number } } = {};
