import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/I18nContext';
import { hasServiceLevel, serviceLevelLine, type ServiceLevelFields } from './service-level-text';
import { useNow } from './useNow';

const useStyles = makeStyles({
  line: { display: 'block', minWidth: 0, overflowWrap: 'anywhere' },
  neutral: { color: tokens.colorNeutralForeground2 },
  warning: { color: tokens.colorStatusWarningForeground1, fontWeight: tokens.fontWeightSemibold },
  danger: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
});

/**
 * A case's service level in one line under its name: what is due next and when, or how a closed case did; coloured by
 * how close it is. Nothing for a case without a service level.
 */
export function CaseServiceLevel({ serviceCase }: { serviceCase: ServiceLevelFields }) {
  return hasServiceLevel(serviceCase) ? <ServiceLevelText serviceCase={serviceCase} /> : null;
}

// Only a case with a service level keeps a clock.
function ServiceLevelText({ serviceCase }: { serviceCase: ServiceLevelFields }) {
  const translator = useI18n();
  const styles = useStyles();
  const now = useNow();
  const line = serviceLevelLine(translator, serviceCase, now);
  if (!line) return null;
  return (
    <Caption1 className={mergeClasses(styles.line, styles[line.tone])} data-tone={line.tone}>
      {line.text}
    </Caption1>
  );
}
