/** The files module's face: what other modules may call. Everything else in this folder is private. */
import { defineTarget } from '../../http/access.js';
import { filePlace } from './repository.js';

export { claimFiles, filesOf, releaseFiles, unclaimedFilesJob, type FileInfo } from './service.js';

declare module '../../http/access.js' {
  interface TargetKinds {
    file: number;
  }
}

/** A file as an access target: its unit (a claimed file takes its record's), and its uploader, who may always read it. */
export const fileTarget = defineTarget({
  kind: 'file',
  noun: '文件',
  visibleWith: ['file.read'],
  hideRefusals: true,
  resolve: async (db, id) => {
    const place = await filePlace(db, id);
    return place ? { parties: { unit: [place.unitPath] }, owners: [place.uploadedBy] } : null;
  },
});

export const accessTargets = [fileTarget];
