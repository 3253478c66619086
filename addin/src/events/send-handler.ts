/** The handler's name in the manifest (`LaunchEvent FunctionName`) and in `Office.actions.associate`: a test holds them equal. */
export const SEND_HANDLER_NAME = 'onMessageSendHandler';

/** The compose pane's button (manifest `Control id`): the Smart Alert's "Create contact" opens the pane through it. */
export const OPEN_PANE_COMMAND = 'MessageCompose.OpenPane';

/** The API's send check: the contract's sendCheckRoute.path, written out so events.js carries no route table (a test holds them equal). */
export const SEND_CHECK_PATH = '/api/send-check';
