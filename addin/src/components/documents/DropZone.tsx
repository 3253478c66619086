import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Button, Caption1, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { keptExtensions } from '@rapport/shared/documents/file-types.rules';
import { useI18n } from '../../i18n/I18nContext';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  zone: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    boxSizing: 'border-box',
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dragging: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  words: { display: 'flex', flexDirection: 'column', minWidth: 0, flexBasis: '140px', flexGrow: 1, overflowWrap: 'break-word' },
  hint: { color: tokens.colorNeutralForeground2 },
  input: { display: 'none' },
});

// The file picker offers what Rapport keeps; anything else chosen ("All files") is refused with why.
const accept = keptExtensions.map((extension) => `.${extension}`).join(',');

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

export type DropZoneProps = {
  onFiles: (files: File[]) => void;
  /** What the tenant keeps, when the pane knows its limit. */
  limitMb?: number | undefined;
  children: ReactNode;
};

/**
 * Where files are added to a record: dropped anywhere on the section (its zone says "Drop files here" and lights up), or
 * chosen with Add files, which opens the file picker (several at once) and is the way in by keyboard.
 */
export function DropZone({ onFiles, limitMb, children }: DropZoneProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const over = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    // Without this the browser opens the dropped file in place of the pane.
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  return (
    <div
      className={styles.area}
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        onFiles(Array.from(event.dataTransfer.files));
      }}
    >
      <div className={mergeClasses(styles.zone, dragging && styles.dragging)}>
        <div className={styles.words}>
          <Caption1>{t('documents.drop')}</Caption1>
          <Caption1 className={styles.hint}>{limitMb ? `${t('documents.kinds')} ${t('documents.limit', { mb: limitMb })}` : t('documents.kinds')}</Caption1>
        </div>
        <Button icon={<ArrowUploadRegular />} onClick={() => input.current?.click()}>
          {t('documents.add')}
        </Button>
        <input
          ref={input}
          className={styles.input}
          type="file"
          multiple
          accept={accept}
          aria-label={t('documents.add')}
          tabIndex={-1}
          onChange={(event) => {
            onFiles(Array.from(event.currentTarget.files ?? []));
            // The same file chosen again (after fixing it) is a new choice.
            event.currentTarget.value = '';
          }}
        />
      </div>
      {children}
    </div>
  );
}
