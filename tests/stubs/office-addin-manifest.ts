// The one export office-addin-mock needs from office-addin-manifest (an ESM-only package jest cannot load).
export enum OfficeApp {
  Excel = 'excel',
  OneNote = 'onenote',
  Outlook = 'outlook',
  PowerPoint = 'powerpoint',
  Project = 'project',
  Word = 'word',
}
