/** Message for a workbook protected with a password (encrypted OOXML or BIFF FilePass). */
export const ENCRYPTED_MESSAGE =
  'The workbook is password-protected. Remove the password in Excel (File > Info > ' +
  'Protect Workbook > Encrypt with Password, clear it), save, and upload again.'

/** Message for a broken container: truncated zip, bad central directory, bad CFB. */
export const DAMAGED_MESSAGE =
  'The file is damaged or incompletely downloaded; re-download or re-save it and upload again.'

/** Closing advice for files that are not a spreadsheet we read. */
export const FORMAT_HINT =
  'Upload the leads as CSV, XLSX, XLS or ODS (in Excel: File > Save As > Excel Workbook).'
