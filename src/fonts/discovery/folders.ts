import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The folders a system keeps its fonts in, system-wide and the user's own (what Word and WPS
 * see). Fonts an office installs land in one of these: Windows' %WINDIR%\Fonts (simfang.ttf,
 * simkai.ttf, simhei.ttf, simsun.ttc, and 方正's FZXBSJW.TTF), or the per-user folder a
 * non-administrator's install uses.
 */
export interface FolderEnv {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

export function currentFolderEnv(): FolderEnv {
  return { platform: process.platform, env: process.env, home: os.homedir() };
}

export function systemFontFolders(e: FolderEnv = currentFolderEnv()): string[] {
  const { env, home } = e;
  switch (e.platform) {
    case 'win32': {
      const win = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
      const local = env.LOCALAPPDATA ?? (env.USERPROFILE ? path.win32.join(env.USERPROFILE, 'AppData', 'Local') : undefined);
      return [path.win32.join(win, 'Fonts'), ...(local ? [path.win32.join(local, 'Microsoft', 'Windows', 'Fonts')] : [])];
    }
    case 'darwin':
      return [
        path.join(home, 'Library/Fonts'),
        '/Library/Fonts',
        '/System/Library/Fonts',
        '/Network/Library/Fonts',
        // Fonts macOS downloads on demand (Kaiti SC, Songti SC's other weights, …), once activated.
        ...assetFontFolders('/System/Library/AssetsV2'),
        ...assetFontFolders('/System/Library/Assets'),
      ];
    default: {
      const data = env.XDG_DATA_HOME || path.join(home, '.local/share');
      return [
        path.join(data, 'fonts'),
        path.join(home, '.fonts'),
        '/usr/local/share/fonts',
        '/usr/share/fonts',
        // Under WSL the user's Windows fonts (and their office's) are here.
        ...(isWsl() ? ['/mnt/c/Windows/Fonts'] : []),
      ];
    }
  }
}

function assetFontFolders(root: string): string[] {
  try {
    return fs
      .readdirSync(root)
      .filter((n) => n.startsWith('com_apple_MobileAsset_Font'))
      .sort()
      .map((n) => path.join(root, n));
  } catch {
    return [];
  }
}

function isWsl(): boolean {
  try {
    return /microsoft/i.test(fs.readFileSync('/proc/version', 'utf8'));
  } catch {
    return false;
  }
}

/** File names discovery reads: the formats systems install (web fonts are not installed). */
export const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;
