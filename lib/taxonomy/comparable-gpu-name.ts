/**
 * A GPU name as EC2 and the table are compared: lower case, letters and digits only. EC2 and the table spell the same
 * GPU differently ("RTX PRO Server 6000", "rtx-pro-server-6000"), so neither case, spaces nor dashes decide a match.
 */
export function comparableGpuName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}
