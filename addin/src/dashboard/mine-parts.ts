// The parts of the My numbers tab besides its reports, in a chunk of their own (tab-parts.tsx).
export { MyNumbers } from '../components/goals/MyNumbers';
export { MyWork } from './MyWork';
export { TeamAttainment } from './TeamAttainment';
