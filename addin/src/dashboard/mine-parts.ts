// The parts of the My numbers tab besides its reports, in a chunk of their own (tab-parts.tsx).
import { MyNumbers } from '../components/goals/MyNumbers';
import { inCard } from './in-card';

export const MyNumbersCard = inCard(MyNumbers);
export { MyWork } from './MyWork';
export { TeamAttainment } from './TeamAttainment';
