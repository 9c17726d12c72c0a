// Offers to hand a project over to another user; they die with the project.
import type { Db } from './database.js';
import { Documents, documentTable } from './documents.js';

export const transferInvitationsSchema = documentTable('transfer_invitations', 'project_id');

export type TransferStatus = 'pending' | 'accepted' | 'declined' | 'canceled' | 'failed' | 'error';

export interface TransferInvitationDoc {
  id: string;
  project_id: string;
  invited_user_id: string;
  invited_user_name: string;
  inviter_user_id: string;
  status: TransferStatus;
  status_reason: string;
  expires_at: string;
  created_at: string;
  updated_at: string;
}

export class TransferInvitations extends Documents<TransferInvitationDoc> {
  constructor(db: Db) {
    super(db, 'transfer_invitations', 'project_id');
  }
}
