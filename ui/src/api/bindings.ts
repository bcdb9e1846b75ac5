// Generated from the Rust types and commands by `make bindings`. Do not edit.
import { invoke } from "@tauri-apps/api/core";

export type ProviderKind = "vultr" | "vpsnet" | "vps247" | "cloudsigma" | "vpsorg";
export type Status = "running" | "stopped" | "starting" | "stopping" | "pending" | "suspended" | "unknown";
export type ErrorKind = "auth" | "not_found" | "invalid_state" | "rate_limited" | "unreachable" | "timeout" | "validation" | "keychain" | "unsupported" | "provider" | "store";
export type FieldError = { field: string, message: string, };
export type IpcError = { kind: ErrorKind, message: string, 
/**
 * Per-field problems, for forms that can show them next to the field.
 */
fields: Array<FieldError>, };
export type Capability = "servers.start" | "servers.stop" | "servers.force_stop" | "servers.reboot" | "servers.create" | "servers.rename" | "servers.delete" | "servers.delete_running";
export type Detail = { label: string, value: string, };
export type Server = { 
/**
 * The account's name (CLI.md); `account_id` is its stable id.
 */
account: string, account_id: string, provider: ProviderKind, id: string, name: string, status: Status, provider_status: string, ipv4: Array<string>, ipv6: Array<string>, region: string, plan: string, created_at: string | null, details: Array<Detail>, };
export type AccountError = { account: string, account_id: string, provider: ProviderKind, error: IpcError, };
export type Inventory = { servers: Array<Server>, errors: Array<AccountError>, };
export type AccountView = { id: string, name: string, provider: ProviderKind, endpoint: string, username: string | null, region: string | null, demo: boolean, capabilities: Array<Capability>, };
export type ProviderRegion = { id: string, name: string, };
export type Sizing = "plans" | "free";
export type ProviderInfo = { id: ProviderKind, label: string, 
/**
 * `Some(label)` when the provider needs a user name besides the secret.
 */
username_label: string | null, secret_label: string, 
/**
 * Account-level regions that pick the endpoint (CloudSigma's zrh/lvs).
 */
regions: Array<ProviderRegion>, default_endpoint: string, sizing: Sizing, };
export type NewAccount = { provider: ProviderKind, name: string, endpoint: string | null, username: string | null, region: string | null, secret: string, verify: boolean, };
export type KeychainStatus = { ok: boolean, message: string | null, };
export type AppStatus = { keychain: KeychainStatus, store_warning: string | null, demo_running: boolean, account_count: number, };
export type Plan = { id: string, name: string, vcpus: number | null, memory_mb: number | null, disk_gb: number | null, bandwidth_tb: string | null, 
/**
 * Exact decimal as text, in the provider's currency.
 */
price_monthly: string | null, };
export type Image = { id: string, name: string, family: string | null, arch: string | null, };
export type Region = { id: string, name: string, country: string | null, continent: string | null, };
export type CreateServer = { name: string, plan: string | null, image: string | null, region: string | null, cpu_mhz: number | null, mem_mb: number | null, };
export type PowerAction = "start" | "stop" | "force_stop" | "reboot";

export const commands = {
  appStatus: () => invoke<AppStatus>("app_status"),
  providers: () => invoke<Array<ProviderInfo>>("providers"),
  listAccounts: () => invoke<Array<AccountView>>("list_accounts"),
  addAccount: (input: NewAccount) => invoke<AccountView>("add_account", { input }),
  testAccount: (account_id: string) => invoke<null>("test_account", { account_id }),
  renameAccount: (account_id: string, name: string) => invoke<AccountView>("rename_account", { account_id, name }),
  removeAccount: (account_id: string) => invoke<null>("remove_account", { account_id }),
  startDemo: () => invoke<Array<AccountView>>("start_demo"),
  listServers: () => invoke<Inventory>("list_servers"),
  accountServers: (account_id: string) => invoke<Array<Server>>("account_servers", { account_id }),
  getServer: (account_id: string, server_id: string) => invoke<Server>("get_server", { account_id, server_id }),
  serverAction: (account_id: string, server_id: string, action: PowerAction) => invoke<null>("server_action", { account_id, server_id, action }),
  createServer: (account_id: string, request: CreateServer) => invoke<Server>("create_server", { account_id, request }),
  renameServer: (account_id: string, server_id: string, name: string) => invoke<null>("rename_server", { account_id, server_id, name }),
  deleteServer: (account_id: string, server_id: string) => invoke<null>("delete_server", { account_id, server_id }),
  catalogPlans: (account_id: string, region: string | null) => invoke<Array<Plan>>("catalog_plans", { account_id, region }),
  catalogImages: (account_id: string) => invoke<Array<Image>>("catalog_images", { account_id }),
  catalogRegions: (account_id: string) => invoke<Array<Region>>("catalog_regions", { account_id }),
};
