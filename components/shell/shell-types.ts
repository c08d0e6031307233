/** What the shell needs to know about the signed-in user and their stores; nothing more reaches
 * the browser. */
export type ShellUser = { name: string; email: string };
export type ShellStore = { id: string; name: string };
