import { makeStyles, tokens } from '@fluentui/react-components';

/** The pieces every chart shares: its box, the axes' text and lines, the legend. */
export const useChartStyles = makeStyles({
  // The chart fills its card's chart area (which sets the height); the legend takes what it needs, the plot the rest.
  box: { display: 'flex', flexDirection: 'column', width: '100%', height: '100%', minWidth: 0, gap: tokens.spacingVerticalXS },
  plot: { flexGrow: 1, minHeight: 0, minWidth: 0, overflow: 'hidden' },
  svg: { display: 'block', overflow: 'visible' },
  text: { fill: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  // The whole of a ring, in its middle.
  total: { fill: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyBase },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1, shapeRendering: 'crispEdges' },
  // Slices part with a thin line of the card's own colour.
  sliceEdge: { stroke: tokens.colorNeutralBackground1, strokeWidth: 1 },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1, shapeRendering: 'crispEdges' },
  // Three lines of legend at most; more scroll within it, so the bars keep their height.
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
    maxHeight: '54px',
    overflowY: 'auto',
    flexShrink: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  entry: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0, maxWidth: '100%' },
  entryText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  swatch: { width: '10px', height: '10px', borderRadius: tokens.borderRadiusSmall, flexShrink: 0 },
});
