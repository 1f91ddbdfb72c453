/** How a notification reads and where it leads: the same words as the e-mail about it. */
export { describeNotification, formatMonth, reportPath } from '#shared/notification-text'
