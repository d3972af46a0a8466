import type { InvitationLookup } from '../clients/invitation.service';
import { escapeHtml, page } from './html';

export interface RenderedPage {
  status: number;
  html: string;
}

const heading = (text: string) => `<h1 tabindex="-1" autofocus>${escapeHtml(text)}</h1>`;
const para = (text: string) => `<p>${escapeHtml(text)}</p>`;

/** The page for a link in its current state; `acceptAction` is where the Accept button posts. */
export function invitationPage(lookup: InvitationLookup, acceptAction: string): RenderedPage {
  switch (lookup.state) {
    case 'open': {
      const { firmName, firstName } = lookup.profile;
      return {
        status: 200,
        html: page(
          `Connect with ${firmName}`,
          [
            `<h1>${escapeHtml(`Connect with ${firmName}`)}</h1>`,
            para(`Hello ${firstName},`),
            para(`${firmName} invites you to its client portal, where you can share documents with the firm and sign your returns online.`),
            `<form method="post" action="${escapeHtml(acceptAction)}">`,
            `<button type="submit" autofocus>Accept</button>`,
            `</form>`,
          ].join('\n'),
        ),
      };
    }
    case 'connected':
      return {
        status: 200,
        html: page(
          `Already connected to ${lookup.profile.firmName}`,
          [
            heading('This invitation has already been accepted'),
            para(`You're connected to ${lookup.profile.firmName}. There is nothing more to do with this link.`),
          ].join('\n'),
        ),
      };
    case 'expired':
      return {
        status: 410,
        html: page(
          'This invitation has expired',
          [
            heading('This invitation has expired'),
            para(`Invitation links work for 30 days. Ask ${lookup.profile.firmName} to send you a new invitation.`),
          ].join('\n'),
        ),
      };
    case 'replaced':
      return {
        status: 410,
        html: page(
          'This invitation was replaced',
          [
            heading('This invitation was replaced'),
            para(`${lookup.firmName} has sent you a newer invitation. Open the link in the most recent e-mail from them.`),
          ].join('\n'),
        ),
      };
    default:
      return {
        status: 404,
        html: page(
          'Invitation not found',
          [
            heading('Invitation not found'),
            para(
              'This link does not match any invitation. Check that you copied the whole link from the e-mail, or ask your firm to send the invitation again.',
            ),
          ].join('\n'),
        ),
      };
  }
}

/** The answer to Accept: the taxpayer is now (or already was) connected. */
export function connectedPage(firmName: string): RenderedPage {
  return {
    status: 200,
    html: page(
      `You're connected to ${firmName}`,
      [
        heading(`You're connected to ${firmName}`),
        para(`${firmName} can now share documents with you through its client portal. You can close this page.`),
      ].join('\n'),
    ),
  };
}
