/** What the template editor's live preview shows. UI-safe (types only). */
export interface EmailPreview {
  subject: string;
  html: string;
  text: string;
  to: string;
  /** Used by the template but not provided by Subflow (probably a typo). */
  unknownVariables: string[];
  /** Provided in general, but empty for this user (e.g. no actual subscription). */
  missingVariables: string[];
}

export interface PreviewUserOption {
  id: number;
  email: string;
  name: string | null;
}
