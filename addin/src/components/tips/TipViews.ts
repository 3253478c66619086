// What the pane shows of the tips board (a deal's top tips, the post form), loaded as one chunk when a deal's view first
// shows them: the first card's JavaScript does not carry it.
export { DealTips } from './DealTips';
