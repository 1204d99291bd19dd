/**
 * Asked with the team server's origin when joining a team (Settings → Team), never at install:
 * webRequest tells the background why a request to the server failed (a refused TLS
 * certificate), which fetch does not say. The manifest lists it as optional (wxt.config.ts).
 */
export const TEAM_OPTIONAL_PERMISSIONS = ['webRequest'] as const;
