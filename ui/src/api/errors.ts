import type { ErrorKind, FieldError, IpcError } from "./bindings";

/**
 * Every rejected command is normalised to this shape. The backend rejects with an `IpcError`;
 * Tauri itself can also reject with a plain string (unknown command, argument that does not
 * deserialize, missing permission), which becomes kind "internal".
 */
export type AppError = { kind: ErrorKind | "internal"; message: string; fields: FieldError[] };

export function isIpcError(e: unknown): e is IpcError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as { message?: unknown }).message === "string" &&
    typeof (e as { kind?: unknown }).kind === "string"
  );
}

export function toAppError(e: unknown): AppError {
  if (isIpcError(e)) {
    return { kind: e.kind, message: e.message, fields: Array.isArray(e.fields) ? e.fields : [] };
  }
  if (typeof e === "string") return { kind: "internal", message: e, fields: [] };
  if (e instanceof Error) return { kind: "internal", message: e.message, fields: [] };
  let text: string;
  try {
    text = JSON.stringify(e);
  } catch {
    text = String(e);
  }
  return { kind: "internal", message: `Unexpected error: ${text}`, fields: [] };
}

export function errorMessage(e: unknown): string {
  return toAppError(e).message;
}

/** Wraps a command promise so that it rejects with an AppError. */
export async function call<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (e) {
    throw toAppError(e);
  }
}
