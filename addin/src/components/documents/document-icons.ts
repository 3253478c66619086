// The icons no other part of the pane shows by their own modules: from the package's index they would join the icons the
// first card's JavaScript carries.
import { DocumentTextRegular, MailRegular, type FluentIcon } from '@fluentui/react-icons';
import { DocumentRegular } from '@fluentui/react-icons/lib/atoms/svg/document';
import { DocumentPdfRegular } from '@fluentui/react-icons/lib/atoms/svg/document-pdf';
import { DocumentTableRegular } from '@fluentui/react-icons/lib/atoms/svg/document-table';
import { ImageRegular } from '@fluentui/react-icons/lib/atoms/svg/image';
import { SlideTextRegular } from '@fluentui/react-icons/lib/atoms/svg/slide-text';

/** A document's icon by the type it was checked to be: a PDF, an image, a sheet, slides, a text, an e-mail, or a file. */
export function documentIcon(contentType: string): FluentIcon {
  if (contentType === 'application/pdf') return DocumentPdfRegular;
  if (contentType.startsWith('image/')) return ImageRegular;
  if (/spreadsheet|ms-excel|text\/csv/.test(contentType)) return DocumentTableRegular;
  if (/presentation|powerpoint/.test(contentType)) return SlideTextRegular;
  if (/rfc822|outlook/.test(contentType)) return MailRegular;
  if (/wordprocessing|opendocument\.text|msword|rtf|text\//.test(contentType)) return DocumentTextRegular;
  return DocumentRegular;
}
