import { api } from '../../app/api/client';
import type {
  ApplicationFields,
  DocumentType,
  Merchant,
  MerchantDocument,
} from '../../app/api/merchant-types';
import type { Region } from '../../app/api/types';

export interface ApplicationDetail {
  application: Merchant;
  documents: MerchantDocument[];
  ownerSetUp: boolean;
}

const withToken = (token: string) => ({ 'X-Applicant-Token': token });
const path = (id: string) => `/applications/${encodeURIComponent(id)}`;

/** The public H5 endpoints: no session, the applicant token proves who may see the draft. */
export const applicantApi = {
  regions: async (parent?: string) =>
    (await api.get<{ data: Region[] }>('/regions', { parent })).data,

  create: (fields: ApplicationFields) =>
    api.post<{ application: Merchant; applicantToken: string }>('/applications', fields),

  get: (id: string, token: string) =>
    api.get<ApplicationDetail>(path(id), undefined, withToken(token)),

  update: (id: string, token: string, fields: ApplicationFields) =>
    api.patch<{ application: Merchant }>(path(id), fields, withToken(token)),

  upload: (id: string, token: string, type: DocumentType, file: File) => {
    // The server reads the type before the file streams in, so the order matters.
    const form = new FormData();
    form.append('type', type);
    form.append('file', file, file.name);
    return api.upload<MerchantDocument>(`${path(id)}/documents`, form, withToken(token));
  },

  removeDocument: (id: string, token: string, documentId: string) =>
    api.delete(`${path(id)}/documents/${encodeURIComponent(documentId)}`, withToken(token)),

  /** The bytes of an uploaded document, for a thumbnail; images only. */
  documentBlob: async (id: string, token: string, documentId: string): Promise<Blob> => {
    const response = await fetch(`/api/v1${path(id)}/documents/${encodeURIComponent(documentId)}`, {
      headers: withToken(token),
    });
    if (!response.ok) throw new Error(`document ${response.status}`);
    return response.blob();
  },

  submit: (id: string, token: string) =>
    api.post<{ application: Merchant }>(`${path(id)}/submit`, undefined, withToken(token)),

  setOwnerPassword: (id: string, token: string, password: string) =>
    api.post<void>(`${path(id)}/owner-password`, { password }, withToken(token)),
};
