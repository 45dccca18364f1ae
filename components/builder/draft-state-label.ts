/**
 * The one wording for where the draft stands against the published version, in the builder's header: "Draft
 * changes · version 2 live", "No draft changes · version 2 live", "Draft · not published".
 */
export function draftStateLabel({
  liveVersion,
  draftChanged,
  deleted,
}: {
  /** The published version the scenario's runs follow, null before the first publish. */
  liveVersion: number | null;
  /** The draft differs from the live version. */
  draftChanged: boolean;
  deleted: boolean;
}): string {
  if (deleted)
    return liveVersion === null ? "Deleted" : `Deleted · version ${liveVersion} published`;
  if (liveVersion === null) return "Draft · not published";
  return `${draftChanged ? "Draft changes" : "No draft changes"} · version ${liveVersion} live`;
}
