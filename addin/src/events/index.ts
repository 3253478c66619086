// events.js: Outlook's event runtime for send-time checks. Classic Outlook on Windows loads this file alone, in a
// JavaScript-only runtime (no DOM, no imports: the build makes it one IIFE); Outlook on the web and the new Outlook load
// it from events.html after Office.js. No React, no Fluent, nothing of the pane.
import { associateSendHandler } from '../office/send-event';
import { checkBeforeSend } from './check-before-send';
import { SEND_HANDLER_NAME } from './send-handler';

associateSendHandler(SEND_HANDLER_NAME, checkBeforeSend);
