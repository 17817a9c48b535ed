// electron-builder's afterPack hook: sets Electron's fuses in the packed app's binary before it is signed
// and wrapped into an installer (electron-builder.json names it).
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * No `ELECTRON_RUN_AS_NODE`, no NODE_OPTIONS or --inspect from outside, cookies encrypted at rest, and the app
 * loaded only from its own app.asar, checked against the integrity hash electron-builder embeds.
 */
export const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The packed Electron binary: the .app bundle on macOS, the .exe on Windows, the executable on Linux. */
export function electronBinary(context) {
  const { electronPlatformName: platform, appOutDir, packager } = context;
  if (platform === 'darwin') return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (platform === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  await flipFuses(electronBinary(context), {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature of an arm64 macOS build; sign it again.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
    ...FUSES,
  });
}
