/** Record signatures and flags of the zip format (APPNOTE.TXT), shared by the writer and the reader. */
export const LOCAL = 0x04034b50;
export const CENTRAL = 0x02014b50;
export const END = 0x06054b50;
export const END64_LOCATOR = 0x07064b50;
export const END64 = 0x06064b50;
/** General purpose flag bit 0: the entry is encrypted. */
export const ENCRYPTED = 0x0001;
/** Bit 11: the name is UTF-8 (set only for non-ASCII names, as zip tools do). */
export const UTF8_NAME = 0x0800;
/** The largest 32-bit field; a saturated field says its value is in the zip64 extra field. */
export const MAX32 = 0xffffffff;
export const MAX16 = 0xffff;
