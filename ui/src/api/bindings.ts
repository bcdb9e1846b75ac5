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
export type Capability = "servers.start" | "servers.stop" | "servers.force_stop" | "servers.reboot" | "servers.create" | "servers.create.hostname" | "servers.create.backups" | "servers.create.ipv6" | "servers.create.private_network" | "servers.create.iso" | "servers.create.ipxe" | "servers.create.snapshot" | "servers.create.licences" | "servers.create.instant" | "servers.rename" | "servers.delete" | "servers.delete_running" | "servers.clone" | "servers.bulk" | "servers.set" | "snapshots" | "backups.list" | "backups.create" | "backups.restore" | "backups.delete" | "backups.convert" | "os.reinstall" | "os.change" | "os.isos" | "network.ips" | "network.ipv4_add" | "network.ipv4_remove" | "network.ipv4_restarts" | "network.reverse_set" | "network.reverse_reset" | "network.reverse_delete" | "network.reverse_list" | "usage.graphs" | "usage.range" | "console" | "maintenance.recovery" | "maintenance.rebuild_network" | "maintenance.rebuild_pending" | "clones" | "server.settings" | "server.resources" | "server.upgrade_storage" | "server.managed_transfer" | "server.licences" | "account.ssh_keys" | "account.scripts" | "account.custom_templates" | "account.custom_template_edit" | "account.templates" | "account.template_licenses" | "account.recoverable" | "account.nodes" | "account.node_consumer" | "account.drives" | "drives.transfer" | "account.vlans" | "account.static_ips" | "account.server_groups" | "account.profile" | "account.ips" | "account.ip_reassign" | "account.justified_ips" | "account.cloud_groups" | "billing.balance" | "billing.invoices" | "billing.invoice_pdf" | "billing.transactions" | "billing.usage" | "billing.pricing" | "billing.currencies" | "billing.subscriptions" | "tickets" | "dns";
export type Timestamp = string;
export type Detail = { label: string, value: string, };
export type Server = { 
/**
 * The account's name (CLI.md); `account_id` is its stable id.
 */
account: string, account_id: string, provider: ProviderKind, id: string, name: string, status: Status, provider_status: string, ipv4: Array<string>, ipv6: Array<string>, region: string, plan: string, created_at: Timestamp | null, details: Array<Detail>, 
/**
 * Set only for a server that supports fewer operations than its account
 * (a VPS.NET SSD VPS: power and delete): those of the account's
 * capabilities that apply to it. Absent: all of them.
 */
capabilities?: Array<Capability>, };
export type ServerRow = [string, string, Status, string, Array<string>, Array<string>, string, string, Timestamp | null, Array<Capability> | null];
export type ServerRows = { account: string, account_id: string, provider: ProviderKind, rows: Array<ServerRow>, };
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
regions: Array<ProviderRegion>, default_endpoint: string, sizing: Sizing, 
/**
 * Where customers see their bills in the provider's control panel.
 */
panel_url: string, 
/**
 * Where people open tickets: the customer panel or site.
 */
support_url: string, 
/**
 * Shown for an account without `billing.balance` and `billing.invoices`.
 */
no_billing: string, 
/**
 * Shown for an account without `tickets`.
 */
no_tickets: string, 
/**
 * Shown for an account without `dns`.
 */
no_dns: string, ticket_form: TicketForm, };
export type NewAccount = { provider: ProviderKind, name: string, endpoint: string | null, username: string | null, region: string | null, secret: string, verify: boolean, };
export type KeychainStatus = { ok: boolean, message: string | null, };
export type AppStatus = { keychain: KeychainStatus, store_warning: string | null, demo_running: boolean, account_count: number, };
export type NotificationSwitches = { 
/**
 * A tracked job (snapshot, backup, reinstall, …) ended.
 */
job_end: boolean, 
/**
 * A server changed state without the user asking (running -> stopped).
 */
server_state: boolean, 
/**
 * A balance went under its low-balance threshold.
 */
low_balance: boolean, };
export type Preferences = { 
/**
 * How often the server list refreshes in the background, in ms (0:
 * never); `None` is the app's default.
 */
refresh_interval_ms: number | null, 
/**
 * The servers table's columns, shown or hidden, by column id; `None`
 * is the default set.
 */
server_columns: { [key in string]: boolean } | null, 
/**
 * Per account id: warn when its balance falls below this amount.
 */
low_balance: { [key in string]: string }, 
/**
 * Per ticket (`<account id>-<ticket id>`): the staff answer last seen.
 */
viewed_tickets: { [key in string]: string }, 
/**
 * The preferences older versions kept in the webview's localStorage
 * were brought over (once).
 */
imported_local_storage: boolean, 
/**
 * Which events show a desktop notification.
 */
notifications: NotificationSwitches, 
/**
 * The program "Open SSH" starts, with its arguments, before `ssh
 * user@address` (e.g. `kitty`, `gnome-terminal --`); `None`: the first
 * terminal found (`ssh::terminal`).
 */
terminal_command: string | null, 
/**
 * Who "Open SSH" logs in as.
 */
ssh_user: string, 
/**
 * Light, dark, or as the system says.
 */
color_scheme: ColorScheme, };
export type ColorScheme = "light" | "dark" | "auto";
export type Plan = { id: string, name: string, vcpus: number | null, memory_mb: number | null, disk_gb: number | null, bandwidth_tb: string | null, 
/**
 * Exact decimal as text, in the provider's currency.
 */
price_monthly: string | null, };
export type Image = { id: string, name: string, family: string | null, arch: string | null, };
export type Region = { id: string, name: string, country: string | null, continent: string | null, };
export type CreateServer = { name: string, plan: string | null, image: string | null, region: string | null, cpu_mhz: number | null, mem_mb: number | null, 
/**
 * Ids of stored SSH keys to install (Vultr's `ext::ssh_keys`); providers
 * without stored keys ignore them.
 */
ssh_keys: Array<string>, 
/**
 * Id of a stored startup script to run (Vultr's `ext::scripts`); providers
 * without stored scripts ignore it.
 */
script: string | null, 
/**
 * The server's fully qualified host name (`servers.create.hostname`).
 */
hostname: string | null, 
/**
 * The provider's automatic backups, which may cost extra
 * (`servers.create.backups`).
 */
auto_backups: boolean, 
/**
 * An IPv6 subnet where the region has one (`servers.create.ipv6`).
 */
ipv6: boolean, 
/**
 * Private networking (`servers.create.private_network`).
 */
private_network: boolean, 
/**
 * Id of one of the account's ISOs to boot from, in place of an
 * installed system (`servers.create.iso`).
 */
iso: string | null, 
/**
 * Id of one of the account's snapshots to install
 * (`servers.create.snapshot`).
 */
snapshot: string | null, 
/**
 * An http(s) URL of an iPXE script the new server chain-loads when it
 * boots, in place of an installed system (`servers.create.ipxe`).
 */
ipxe_url: string | null, 
/**
 * Licence ids to buy with the server (`servers.create.licences`),
 * billed until cancelled: refused unless `confirm_charges`.
 */
licences: Array<string>, 
/**
 * The person confirmed what the request buys beyond the server itself.
 */
confirm_charges: boolean, 
/**
 * An instant server in this country (`servers.create.instant`): the
 * provider picks plan, image and region, so those are left out.
 */
instant_country: string | null, };
export type PowerAction = "start" | "stop" | "force_stop" | "reboot";
export type BalanceMeaning = "credit" | "owed" | "settled";
export type Balance = { 
/**
 * The account's name (CLI.md); `account_id` is its stable id.
 */
account: string, account_id: string, provider: ProviderKind, 
/**
 * Positive = credit, negative = owed (see the module comment).
 */
balance: string, currency: string, meaning: BalanceMeaning, 
/**
 * In words, e.g. "5,519.11 USD credit".
 */
summary: string, 
/**
 * The provider's own figure, sign and all.
 */
provider_balance: string, 
/**
 * Charges accrued and not yet invoiced (Vultr), owed when billed.
 */
pending_charges: string | null, 
/**
 * Credits on the account besides the balance (VPS.NET).
 */
credits: string | null, last_payment_date: Timestamp | null, 
/**
 * The last payment as money paid in (positive).
 */
last_payment_amount: string | null, };
export type Notice = { "kind": "job_ended", job_id: string, } | { "kind": "server_changed", server: Server, from: Status, } | { "kind": "low_balance", balance: Balance, threshold: string, };
export type Shown = { title: string, body: string, };
export type CurrencyTotal = { currency: string, 
/**
 * The exact sum of the balances, credit positive and owed negative.
 */
total: string, 
/**
 * How many balances went into `total`.
 */
accounts: number, };
export type DailyCharge = { 
/**
 * `YYYY-MM-DD`, the day of the transactions' own dates.
 */
day: string, currency: string, 
/**
 * The exact sum of that day's charges, as money paid out (positive).
 */
total: string, };
export type InvoiceStatus = "paid" | "unpaid" | "overdue" | "cancelled" | "unknown";
export type Invoice = { account: string, account_id: string, provider: ProviderKind, 
/**
 * What `invoice_pdf` takes.
 */
id: string, number: string, 
/**
 * When it was issued, ISO 8601.
 */
date: Timestamp, due_date: Timestamp | null, amount: string, currency: string, status: InvoiceStatus, provider_status: string, has_pdf: boolean, };
export type Transaction = { account: string, account_id: string, provider: ProviderKind, id: string, 
/**
 * ISO 8601 (the provider's time zone where it names none).
 */
date: Timestamp, 
/**
 * Negative = a charge, positive = money paid in.
 */
amount: string, currency: string, description: string, };
export type Usage = { account: string, account_id: string, provider: ProviderKind, 
/**
 * The provider's key ("cpu", a server id…).
 */
resource: string, label: string, unit: string, used: string | null, burst: string | null, subscribed: string | null, };
export type Price = { resource: string, label: string, amount: string, currency: string, };
export type Subscription = { account: string, account_id: string, provider: ProviderKind, 
/**
 * What extending takes; `None` where the provider's list leaves it out.
 */
id: string | null, 
/**
 * The provider's resource type ("cpu", "ip", "vlan"…).
 */
kind: string, label: string, unit: string, quantity: string, 
/**
 * The subscribed thing itself, where there is one (an IP, a VLAN uuid).
 */
resource: string | null, start: Timestamp | null, end: Timestamp | null, };
export type SubscribedTotal = { account: string, account_id: string, provider: ProviderKind, scope: TotalScope, 
/**
 * The provider's key ("cpu", "ip"…).
 */
resource: string, label: string, 
/**
 * The unit of the subscriptions list for that key; empty where it names none.
 */
unit: string, 
/**
 * As sent; empty when the line has no value.
 */
quantity: string, };
export type TotalScope = "resources" | "network";
export type SubscriptionKind = "ip" | "vlan";
export type SubscriptionOrder = { kind: SubscriptionKind, quantity: number, months: number, 
/**
 * `YYYY-MM-DD HH:MM`; `None` = now.
 */
start: string | null, };
export type Quote = { amount: string, currency: string, };
export type BundleKind = "resources" | "software";
export type BundleItem = { key: string, quantity: number, };
export type BundleOrder = { kind: BundleKind, items: Array<BundleItem>, months: number, 
/**
 * `YYYY-MM-DD HH:MM`; `None` = now.
 */
start: string | null, };
export type BundleQuote = { 
/**
 * The provider's own calculation of the whole order; `None` where its
 * API calculates none (CloudSigma's resources): then only the rates are known.
 */
total: string | null, currency: string, 
/**
 * Each ordered part with the provider's listed rate for it.
 */
lines: Array<BundleLine>, };
export type BundleLine = { key: string, label: string, unit: string, quantity: number, 
/**
 * The price list's rate for one unit; `None` when the list has none.
 */
rate: string | null, };
export type SavedFile = { path: string, bytes: number, };
export type TicketStatus = "open" | "hold" | "closed" | "unknown";
export type Author = "staff" | "customer";
export type DepartmentNeeds = "nothing" | "domain" | "server";
export type Department = { id: string, 
/**
 * As the provider's doc lists it.
 */
name: string, needs: DepartmentNeeds, };
export type IssueType = { id: string, name: string, };
export type Ticket = { account: string, account_id: string, provider: ProviderKind, id: string, subject: string, status: TicketStatus, 
/**
 * The provider's own word, unchanged.
 */
provider_status: string, 
/**
 * The department's name as the provider sends it.
 */
department: string, department_id: string | null, last_response_by: Author | null, 
/**
 * The provider's own words for it ("Staff Followup").
 */
last_responded: string | null, last_response_time: Timestamp | null, };
export type TicketMessage = { author: Author, 
/**
 * `author == staff`, for scripts that want a flag.
 */
staff: boolean, body: string, time: Timestamp | null, };
export type TicketThread = { account: string, account_id: string, provider: ProviderKind, id: string, subject: string, status: TicketStatus, provider_status: string, messages: Array<TicketMessage>, };
export type TicketFilter = { status: TicketStatus | null, 
/**
 * A department's id or name.
 */
department: string | null, };
export type NewTicket = { 
/**
 * A department's id or its name (case-insensitive).
 */
department: string, subject: string, body: string, domain_name: string | null, 
/**
 * The server the issue is about (server issues).
 */
server_id: string | null, 
/**
 * The subject type of a server issue, e.g. `reboot`.
 */
issue: string | null, root_password: string | null, ssh_port: string | null, ssh_user: string | null, ssh_password: string | null, };
export type TicketReply = { body: string, root_password: string | null, };
export type ManagedService = { server_id: string, support_ip: string, renewal_date: Timestamp, };
export type TicketForm = { departments: Array<Department>, issue_types: Array<IssueType>, };
export type TicketInventory = { tickets: Array<Ticket>, errors: Array<AccountError>, };
export type RecordType = "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "NS" | "SRV" | "FAILOVER" | "SOA";
export type Zone = { id: string, 
/**
 * The domain name, without a trailing dot.
 */
name: string, 
/**
 * The SOA serial, when the provider reports it.
 */
serial: string | null, created_at: Timestamp | null, updated_at: Timestamp | null, };
export type DnsRecord = { id: string, type: RecordType, host: string, data: string, ttl: number, priority?: number, weight?: number, port?: number, service_type?: string, };
export type RecordInput = { type: RecordType | null, host: string, data: string, ttl: number | null, priority: number | null, weight: number | null, port: number | null, service_type: string | null, };
export type ValidRecord = { type: RecordType, host: string, data: string, ttl: number, priority: number | null, weight: number | null, port: number | null, service_type: string | null, };
export type NewZone = { name: string, 
/**
 * The address the provider's default records point at (VPS.NET `ip_address`).
 */
ip_address: string | null, 
/**
 * A DNS template (id) whose records the new zone starts with.
 */
template: string | null, };
export type Nameserver = { host: string, ip: string | null, };
export type CreatedZone = { zone: Zone, nameservers: Array<Nameserver>, };
export type DnsTemplate = { id: string, name: string, created_at: Timestamp | null, updated_at: Timestamp | null, };
export type DeleteOutcome = { id: string, error: string | null, };
export type RecordHit = { account: string, account_id: string, zone_id: string, zone: string, record: DnsRecord, };
export type Skipped = { line: number, text: string, reason: string, };
export type PlannedRecord = { 
/**
 * Line of the zone file.
 */
line: number, record: ValidRecord, };
export type PlannedChange = { line: number, 
/**
 * The zone's record that changes.
 */
before: DnsRecord, after: ValidRecord, };
export type ImportPlan = { add: Array<PlannedRecord>, change: Array<PlannedChange>, unchanged: Array<PlannedRecord>, skipped: Array<Skipped>, };
export type ImportOutcome = { line: number, 
/**
 * "add" or "change".
 */
action: string, record: ValidRecord, 
/**
 * `None` when the provider accepted it.
 */
error: string | null, };
export type SnapshotStatus = "pending" | "complete" | "unknown";
export type Snapshot = { id: string, description: string, size_bytes: number | null, status: SnapshotStatus, 
/**
 * The provider's own word.
 */
provider_status: string, created_at: Timestamp | null, };
export type OsOption = { id: string, name: string, family: string | null, arch: string | null, 
/**
 * Extra monthly cost of this system (a Windows licence), exact.
 */
surcharge: string | null, };
export type Iso = { id: string, filename: string, size_bytes: number | null, md5sum: string | null, created_at: Timestamp | null, };
export type IpRole = "main" | "secondary" | "private" | "other";
export type IpAddress = { ip: string, version: number, role: IpRole, 
/**
 * The provider's own word for the role ("main_ip").
 */
provider_role: string, netmask: string | null, gateway: string | null, 
/**
 * IPv6: the network and its prefix length.
 */
network: string | null, network_size: number | null, 
/**
 * The reverse DNS name, where the provider lists it with the address.
 */
reverse: string | null, };
export type ReverseDns = { ip: string, reverse: string, };
export type UsagePoint = { 
/**
 * The period's start as the provider names it ("2014-06-10").
 */
at: Timestamp, value: number, };
export type UsageSeries = { label: string, points: Array<UsagePoint>, };
export type UsageUnit = "bytes" | "percent" | "mhz";
export type UsageGraph = { 
/**
 * Stable per provider ("bandwidth"), for test ids and CLI selection.
 */
id: string, title: string, unit: UsageUnit, series: Array<UsageSeries>, };
export type ConsoleAccess = { 
/**
 * A web console to open in a browser.
 */
url: string, 
/**
 * What it is ("noVNC console (KVM)").
 */
kind: string, 
/**
 * What a person should know before opening it.
 */
note: string, };
export type Backup = { id: string, label: string | null, 
/**
 * The provider's word for how it was taken ("normal").
 */
kind: string | null, 
/**
 * The size as the provider states it; its unit is not documented.
 */
size: string | null, 
/**
 * False while it is still being written: not restorable yet.
 */
built: boolean, 
/**
 * Locked backups cannot be deleted or restored until unlocked.
 */
locked: boolean, 
/**
 * The backed-up system ("linux (ubuntu)").
 */
system: string | null, created_at: Timestamp | null, built_at: Timestamp | null, };
export type ServerClone = { id: string, label: string | null, 
/**
 * The provider's words ("Cloned successfully").
 */
status: string, created_at: Timestamp | null, 
/**
 * The server the clone became, once there is one.
 */
cloned_server_id: string | null, };
export type CustomTemplate = { id: string, label: string, operating_system: string | null, description: string | null, };
export type TemplatePlacement = { region_id: string, template_id: string, };
export type OfferedTemplate = { group: string, name: string, placements: Array<TemplatePlacement>, };
export type TemplatePrice = { currency: string, amount: string, };
export type TemplateInfo = { id: string, label: string, os_type: string | null, description: string | null, prices: Array<TemplatePrice>, };
export type LicenseKind = "cloudlinux" | "windows";
export type LicensedTemplate = { kind: LicenseKind, id: string, template_id: string, 
/**
 * The server using it, if any.
 */
server_id: string | null, };
export type NodeKind = "regular" | "daily" | "ram" | "storage" | "fusion" | "bandwidth";
export type AccountNode = { id: string, kind: NodeKind, 
/**
 * The server it is assigned to; `None` while free.
 */
server_id: string | null, consumer_id: string | null, 
/**
 * The provider's `free_node` flag, as sent.
 */
free: boolean, discount: boolean, };
export type ServerSettings = { name: string, 
/**
 * Fully qualified ("web01.example.com").
 */
hostname: string, backups_enabled: boolean, };
export type ServerResources = { name: string, 
/**
 * Regular nodes (`slices_required`): at least one.
 */
nodes: number, daily_nodes: number, storage_nodes: number, ram_nodes: number, bandwidth_nodes: number, backups: boolean, rsync_backups: boolean, r1soft_backups: boolean, 
/**
 * The reseller's customer the server belongs to; `None` for none.
 */
consumer_id: string | null, 
/**
 * A disk resize the provider has put off, until this time as it says it.
 */
delayed_storage_until: Timestamp | null, };
export type ResourcesChange = { resources: ServerResources, delay_storage_until: string | null, 
/**
 * Adding nodes is billed and a storage upgrade stops the server: needed
 * when any node count grows.
 */
confirm: boolean, };
export type ServerLicenceKind = "control_panel" | "add_on" | "other";
export type ServerLicence = { id: string, name: string, kind: ServerLicenceKind, 
/**
 * On the server now (and billed).
 */
held: boolean, };
export type ServerLicences = { 
/**
 * The held ones first, then the ones that can be bought.
 */
licences: Array<ServerLicence>, 
/**
 * Whether the provider listed the licences that can be bought; when not,
 * only the held ones are known and a purchase names its licence id.
 */
offered_known: boolean, };
export type ServerLicenceChange = { licence: string, buy: boolean, confirm: boolean, };
export type TemplateEdit = { 
/**
 * The system shown for it; left as it is when `None`.
 */
operating_system: string | null, description: string, 
/**
 * Free notes shown with the template; left as they are when `None`
 * (the template list does not show them, so a form cannot prefill them).
 */
info: string | null, };
export type AccountIp = { id: string, ip: string, netmask: string | null, network: string | null, 
/**
 * The cloud (region) it belongs to: it can only move within it.
 */
cloud_id: string | null, server_id: string | null, consumer_id: string | null, notes: string | null, };
export type JustifiedIp = { id: string | null, ip: string | null, server_id: string | null, kind: string | null, reason: string | null, status: string | null, };
export type JustificationKind = "website" | "other";
export type Justification = { kind: JustificationKind, reason: string, };
export type CloudGroup = { id: string, name: string, 
/**
 * The clouds (region ids) in the group, where the provider lists them.
 */
clouds: Array<string>, };
export type SshKey = { id: string, name: string, 
/**
 * In authorized_keys format.
 */
public_key: string, created_at: Timestamp | null, };
export type NewSshKey = { name: string, public_key: string, };
export type SshKeyUpdate = { name: string | null, public_key: string | null, };
export type ScriptKind = "boot" | "pxe";
export type StartupScript = { id: string, name: string, kind: ScriptKind, content: string, created_at: Timestamp | null, modified_at: Timestamp | null, };
export type NewScript = { name: string, kind: ScriptKind, content: string, };
export type ScriptUpdate = { name: string | null, content: string | null, };
export type JobKind = "snapshot_create" | "snapshot_restore" | "backup_restore" | "reinstall" | "os_change" | "backup_create" | "clone_create" | "recovery_boot" | "rebuild_network" | "rebuild_pending" | "drive_upload" | "drive_download";
export type JobState = "running" | "succeeded" | "failed" | "cancelled";
export type Job = { id: string, kind: JobKind, title: string, account: string, account_id: string, provider: ProviderKind, server_id: string | null, 
/**
 * What the job makes or uses, e.g. the new snapshot's id.
 */
target_id: string | null, state: JobState, 
/**
 * What is happening now, in words.
 */
stage: string, 
/**
 * Percent done, when the provider says; `None` when it does not.
 */
progress: number | null, cancellable: boolean, 
/**
 * Why the job cannot be cancelled.
 */
cancel_note: string | null, error: IpcError | null, started_at_ms: number, finished_at_ms: number | null, };
export type Drive = { id: string, name: string, size_bytes: number | null, 
/**
 * The provider's own word ("active").
 */
status: string, 
/**
 * The server the drive is attached to, when it is.
 */
claimed_by: string | null, ssd: boolean, };
export type StandardKind = "cd" | "image" | "all";
export type NewDrive = { name: string, size_bytes: number, 
/**
 * Readable by other servers at the same time.
 */
shared: boolean, ssd: boolean, 
/**
 * Encrypted at rest (the provider's default).
 */
encrypted: boolean, };
export type DriveClone = { name: string, 
/**
 * The copy's size; left out, the source's. Never smaller than it.
 */
size_bytes: number | null, ssd: boolean, };
export type BulkAction = "start" | "stop" | "destroy";
export type Vlan = { id: string, name: string, };
export type StaticIp = { ip: string, name: string | null, netmask: string | null, gateway: string | null, nameservers: Array<string>, };
export type ServerGroup = { id: string, name: string, description: string, };
export type ServerChanges = { name: string | null, 
/**
 * CPU quota in core MHz.
 */
cpu: number | null, 
/**
 * Virtual processors: a count, or `auto` to let CloudSigma derive it from the CPU.
 */
smp: string | null, 
/**
 * Memory in MB.
 */
mem: number | null, 
/**
 * The uuid of the parent object.
 */
parent: string | null, drives: Array<DriveSlot>, 
/**
 * The device to boot from (`ide:0:0`…).
 */
boot: string | null, 
/**
 * `e1000`, `rtl8139` or `virtio`.
 */
nic0_model: string | null, 
/**
 * The address DHCP offers interface 0, or `auto`.
 */
nic0_dhcp: string | null, nic1_model: string | null, 
/**
 * The VLAN (uuid) interface 1 is attached to.
 */
nic1_vlan: string | null, nic1_mac: string | null, 
/**
 * The VNC address, or `auto`.
 */
vnc_ip: string | null, 
/**
 * Sent only when true: the doc documents `on` and no other value.
 */
vnc_tls: boolean, 
/**
 * Never shown, logged or echoed.
 */
vnc_password: string | null, };
export type DriveSlot = { 
/**
 * `ide:0:0`…`ide:1:1` or `block:0`…`block:7`.
 */
slot: string, 
/**
 * The drive's uuid.
 */
drive: string, 
/**
 * `cdrom` or `disk`; `None` leaves the media as it is.
 */
media: string | null, };
export type ProfileField = { 
/**
 * The provider's key, used to change it.
 */
key: string, label: string, value: string, editable: boolean, required: boolean, };
export type ProfileChange = { key: string, value: string, };

export const commands = {
  appStatus: () => invoke<AppStatus>("app_status"),
  providers: () => invoke<Array<ProviderInfo>>("providers"),
  listAccounts: () => invoke<Array<AccountView>>("list_accounts"),
  addAccount: (input: NewAccount) => invoke<AccountView>("add_account", { input }),
  testAccount: (account_id: string) => invoke<null>("test_account", { account_id }),
  renameAccount: (account_id: string, name: string) => invoke<AccountView>("rename_account", { account_id, name }),
  removeAccount: (account_id: string) => invoke<null>("remove_account", { account_id }),
  startDemo: () => invoke<Array<AccountView>>("start_demo"),
  preferences: () => invoke<Preferences>("preferences"),
  savePreferences: (preferences: Preferences) => invoke<Preferences>("save_preferences", { preferences }),
  notify: (notice: Notice) => invoke<Shown | null>("notify", { notice }),
  openSsh: (account_id: string, server_id: string, user: string) => invoke<null>("open_ssh", { account_id, server_id, user }),
  listServers: () => invoke<Inventory>("list_servers"),
  accountServers: (account_id: string) => invoke<ServerRows>("account_servers", { account_id }),
  getServer: (account_id: string, server_id: string) => invoke<Server>("get_server", { account_id, server_id }),
  serverAction: (account_id: string, server_id: string, action: PowerAction) => invoke<null>("server_action", { account_id, server_id, action }),
  createServer: (account_id: string, request: CreateServer) => invoke<Server>("create_server", { account_id, request }),
  renameServer: (account_id: string, server_id: string, name: string) => invoke<null>("rename_server", { account_id, server_id, name }),
  deleteServer: (account_id: string, server_id: string) => invoke<null>("delete_server", { account_id, server_id }),
  catalogPlans: (account_id: string, region: string | null) => invoke<Array<Plan>>("catalog_plans", { account_id, region }),
  catalogImages: (account_id: string, region: string | null) => invoke<Array<Image>>("catalog_images", { account_id, region }),
  catalogRegions: (account_id: string) => invoke<Array<Region>>("catalog_regions", { account_id }),
  billingBalance: (account_id: string) => invoke<Balance>("billing_balance", { account_id }),
  billingBalanceTotals: (balances: Array<Balance>) => invoke<Array<CurrencyTotal>>("billing_balance_totals", { balances }),
  billingInvoices: (account_id: string) => invoke<Array<Invoice>>("billing_invoices", { account_id }),
  invoicePdf: (account_id: string, invoice_id: string) => invoke<Array<number>>("invoice_pdf", { account_id, invoice_id }),
  saveInvoicePdf: (account_id: string, invoice_id: string, suggested_name: string) => invoke<SavedFile | null>("save_invoice_pdf", { account_id, invoice_id, suggested_name }),
  billingTransactions: (account_id: string) => invoke<Array<Transaction>>("billing_transactions", { account_id }),
  billingDailyCharges: (transactions: Array<Transaction>) => invoke<Array<DailyCharge>>("billing_daily_charges", { transactions }),
  billingUsage: (account_id: string) => invoke<Array<Usage>>("billing_usage", { account_id }),
  billingPricing: (account_id: string) => invoke<Array<Price>>("billing_pricing", { account_id }),
  billingCurrencies: (account_id: string) => invoke<Array<string>>("billing_currencies", { account_id }),
  billingSubscriptions: (account_id: string) => invoke<Array<Subscription>>("billing_subscriptions", { account_id }),
  billingSubscribedTotals: (account_id: string) => invoke<Array<SubscribedTotal>>("billing_subscribed_totals", { account_id }),
  quoteSubscription: (account_id: string, order: SubscriptionOrder) => invoke<Quote>("quote_subscription", { account_id, order }),
  createSubscription: (account_id: string, order: SubscriptionOrder) => invoke<Array<Subscription>>("create_subscription", { account_id, order }),
  quoteBundle: (account_id: string, order: BundleOrder) => invoke<BundleQuote>("quote_bundle", { account_id, order }),
  createBundle: (account_id: string, order: BundleOrder) => invoke<Array<Subscription>>("create_bundle", { account_id, order }),
  quoteExtension: (account_id: string, subscription_id: string, months: number) => invoke<Quote>("quote_extension", { account_id, subscription_id, months }),
  extendSubscription: (account_id: string, subscription_id: string, months: number) => invoke<Subscription>("extend_subscription", { account_id, subscription_id, months }),
  exportCsv: (suggested_name: string, csv: string) => invoke<SavedFile | null>("export_csv", { suggested_name, csv }),
  listTickets: (filter: TicketFilter) => invoke<TicketInventory>("list_tickets", { filter }),
  getTicket: (account_id: string, ticket_id: string) => invoke<TicketThread>("get_ticket", { account_id, ticket_id }),
  openTicket: (account_id: string, request: NewTicket) => invoke<Ticket>("open_ticket", { account_id, request }),
  replyTicket: (account_id: string, ticket_id: string, reply: TicketReply) => invoke<null>("reply_ticket", { account_id, ticket_id, reply }),
  closeTicket: (account_id: string, ticket_id: string) => invoke<null>("close_ticket", { account_id, ticket_id }),
  managedServices: (account_id: string) => invoke<Array<ManagedService>>("managed_services", { account_id }),
  dnsZones: (account_id: string) => invoke<Array<Zone>>("dns_zones", { account_id }),
  dnsRecords: (account_id: string, zone: string) => invoke<Array<DnsRecord>>("dns_records", { account_id, zone }),
  dnsAddRecord: (account_id: string, zone: string, record: RecordInput) => invoke<null>("dns_add_record", { account_id, zone, record }),
  dnsUpdateRecord: (account_id: string, zone: string, record_id: string, record: RecordInput) => invoke<null>("dns_update_record", { account_id, zone, record_id, record }),
  dnsDeleteRecords: (account_id: string, zone: string, record_ids: Array<string>) => invoke<Array<DeleteOutcome>>("dns_delete_records", { account_id, zone, record_ids }),
  dnsExport: (account_id: string, zone: string) => invoke<string>("dns_export", { account_id, zone }),
  dnsSaveExport: (account_id: string, zone: string, suggested_name: string) => invoke<SavedFile | null>("dns_save_export", { account_id, zone, suggested_name }),
  dnsImportPlan: (account_id: string, zone: string, text: string) => invoke<ImportPlan>("dns_import_plan", { account_id, zone, text }),
  dnsImport: (account_id: string, zone: string, text: string) => invoke<Array<ImportOutcome>>("dns_import", { account_id, zone, text }),
  dnsCreateZone: (account_id: string, request: NewZone) => invoke<CreatedZone>("dns_create_zone", { account_id, request }),
  dnsDeleteZone: (account_id: string, zone: string) => invoke<null>("dns_delete_zone", { account_id, zone }),
  dnsTemplates: (account_id: string) => invoke<Array<DnsTemplate>>("dns_templates", { account_id }),
  dnsCreateTemplate: (account_id: string, name: string) => invoke<DnsTemplate>("dns_create_template", { account_id, name }),
  dnsDeleteTemplate: (account_id: string, template_id: string) => invoke<null>("dns_delete_template", { account_id, template_id }),
  dnsTemplateRecords: (account_id: string, template_id: string) => invoke<Array<DnsRecord>>("dns_template_records", { account_id, template_id }),
  dnsAddTemplateRecord: (account_id: string, template_id: string, record: RecordInput) => invoke<null>("dns_add_template_record", { account_id, template_id, record }),
  dnsUpdateTemplateRecord: (account_id: string, template_id: string, record_id: string, record: RecordInput) => invoke<null>("dns_update_template_record", { account_id, template_id, record_id, record }),
  dnsDeleteTemplateRecord: (account_id: string, template_id: string, record_id: string) => invoke<null>("dns_delete_template_record", { account_id, template_id, record_id }),
  dnsFindAddress: (address: string) => invoke<Array<RecordHit>>("dns_find_address", { address }),
  listSnapshots: (account_id: string) => invoke<Array<Snapshot>>("list_snapshots", { account_id }),
  createSnapshot: (account_id: string, server_id: string, description: string) => invoke<Job>("create_snapshot", { account_id, server_id, description }),
  deleteSnapshot: (account_id: string, snapshot_id: string) => invoke<null>("delete_snapshot", { account_id, snapshot_id }),
  restoreSnapshot: (account_id: string, server_id: string, snapshot_id: string) => invoke<Job>("restore_snapshot", { account_id, server_id, snapshot_id }),
  restoreBackup: (account_id: string, server_id: string, backup_id: string) => invoke<Job>("restore_backup", { account_id, server_id, backup_id }),
  reinstallServer: (account_id: string, server_id: string) => invoke<Job>("reinstall_server", { account_id, server_id }),
  osOptions: (account_id: string, server_id: string) => invoke<Array<OsOption>>("os_options", { account_id, server_id }),
  changeOs: (account_id: string, server_id: string, os_id: string) => invoke<Job>("change_os", { account_id, server_id, os_id }),
  listIsos: (account_id: string) => invoke<Array<Iso>>("list_isos", { account_id }),
  serverAddresses: (account_id: string, server_id: string) => invoke<Array<IpAddress>>("server_addresses", { account_id, server_id }),
  addIpv4: (account_id: string, server_id: string, reboot: boolean) => invoke<null>("add_ipv4", { account_id, server_id, reboot }),
  removeIpv4: (account_id: string, server_id: string, ip: string) => invoke<null>("remove_ipv4", { account_id, server_id, ip }),
  reverseIpv6: (account_id: string, server_id: string) => invoke<Array<ReverseDns>>("reverse_ipv6", { account_id, server_id }),
  setReverse: (account_id: string, server_id: string, ip: string, entry: string) => invoke<null>("set_reverse", { account_id, server_id, ip, entry }),
  resetReverse: (account_id: string, server_id: string, ip: string) => invoke<null>("reset_reverse", { account_id, server_id, ip }),
  deleteReverse: (account_id: string, server_id: string, ip: string) => invoke<null>("delete_reverse", { account_id, server_id, ip }),
  usageGraphs: (account_id: string, server_id: string, from: string | null, to: string | null) => invoke<Array<UsageGraph>>("usage_graphs", { account_id, server_id, from, to }),
  serverConsole: (account_id: string, server_id: string) => invoke<ConsoleAccess>("server_console", { account_id, server_id }),
  listSshKeys: (account_id: string) => invoke<Array<SshKey>>("list_ssh_keys", { account_id }),
  createSshKey: (account_id: string, key: NewSshKey) => invoke<string>("create_ssh_key", { account_id, key }),
  updateSshKey: (account_id: string, key_id: string, update: SshKeyUpdate) => invoke<null>("update_ssh_key", { account_id, key_id, update }),
  deleteSshKey: (account_id: string, key_id: string) => invoke<null>("delete_ssh_key", { account_id, key_id }),
  listScripts: (account_id: string) => invoke<Array<StartupScript>>("list_scripts", { account_id }),
  createScript: (account_id: string, script: NewScript) => invoke<string>("create_script", { account_id, script }),
  updateScript: (account_id: string, script_id: string, update: ScriptUpdate) => invoke<null>("update_script", { account_id, script_id, update }),
  deleteScript: (account_id: string, script_id: string) => invoke<null>("delete_script", { account_id, script_id }),
  listJobs: () => invoke<Array<Job>>("list_jobs"),
  cancelJob: (job_id: string) => invoke<Job>("cancel_job", { job_id }),
  clearJobs: () => invoke<null>("clear_jobs"),
  listBackups: (account_id: string, server_id: string) => invoke<Array<Backup>>("list_backups", { account_id, server_id }),
  createBackup: (account_id: string, server_id: string, label: string) => invoke<Job>("create_backup", { account_id, server_id, label }),
  deleteBackup: (account_id: string, server_id: string, backup_id: string) => invoke<null>("delete_backup", { account_id, server_id, backup_id }),
  bootRecovery: (account_id: string, server_id: string) => invoke<Job>("boot_recovery", { account_id, server_id }),
  rebuildNetwork: (account_id: string, server_id: string) => invoke<Job>("rebuild_network", { account_id, server_id }),
  rebuildPending: (account_id: string, server_id: string) => invoke<Job>("rebuild_pending", { account_id, server_id }),
  listClones: (account_id: string, server_id: string) => invoke<Array<ServerClone>>("list_clones", { account_id, server_id }),
  createClone: (account_id: string, server_id: string, region: string | null) => invoke<Job>("create_clone", { account_id, server_id, region }),
  deleteClone: (account_id: string, server_id: string, clone_id: string) => invoke<null>("delete_clone", { account_id, server_id, clone_id }),
  customTemplates: (account_id: string) => invoke<Array<CustomTemplate>>("custom_templates", { account_id }),
  deleteCustomTemplate: (account_id: string, template_id: string) => invoke<null>("delete_custom_template", { account_id, template_id }),
  offeredTemplates: (account_id: string) => invoke<Array<OfferedTemplate>>("offered_templates", { account_id }),
  templateInfo: (account_id: string, region_id: string, template_id: string) => invoke<TemplateInfo>("template_info", { account_id, region_id, template_id }),
  licensedTemplates: (account_id: string) => invoke<Array<LicensedTemplate>>("licensed_templates", { account_id }),
  buyTemplate: (account_id: string, kind: LicenseKind, template_id: string, confirm: boolean) => invoke<null>("buy_template", { account_id, kind, template_id, confirm }),
  deletedServers: (account_id: string) => invoke<Array<Server>>("deleted_servers", { account_id }),
  recoverServer: (account_id: string, server_id: string) => invoke<Server>("recover_server", { account_id, server_id }),
  listNodes: (account_id: string, consumer_id: string | null) => invoke<Array<AccountNode>>("list_nodes", { account_id, consumer_id }),
  addNodes: (account_id: string, kind: NodeKind, quantity: number, confirm: boolean) => invoke<null>("add_nodes", { account_id, kind, quantity, confirm }),
  deleteNode: (account_id: string, kind: NodeKind, node_id: string) => invoke<null>("delete_node", { account_id, kind, node_id }),
  serverSettings: (account_id: string, server_id: string) => invoke<ServerSettings>("server_settings", { account_id, server_id }),
  updateServerSettings: (account_id: string, server_id: string, settings: ServerSettings) => invoke<ServerSettings>("update_server_settings", { account_id, server_id, settings }),
  listDrives: (account_id: string) => invoke<Array<Drive>>("list_drives", { account_id }),
  standardDrives: (account_id: string, kind: StandardKind) => invoke<Array<Drive>>("standard_drives", { account_id, kind }),
  createDrive: (account_id: string, drive: NewDrive) => invoke<Drive>("create_drive", { account_id, drive }),
  cloneDrive: (account_id: string, drive_id: string, clone: DriveClone) => invoke<Drive>("clone_drive", { account_id, drive_id, clone }),
  destroyDrive: (account_id: string, drive_id: string) => invoke<null>("destroy_drive", { account_id, drive_id }),
  uploadDrive: (account_id: string, drive_id: string) => invoke<Job | null>("upload_drive", { account_id, drive_id }),
  downloadDrive: (account_id: string, drive_id: string, suggested_name: string) => invoke<Job | null>("download_drive", { account_id, drive_id, suggested_name }),
  cloneServer: (account_id: string, server_id: string, name: string) => invoke<Server>("clone_server", { account_id, server_id, name }),
  setServer: (account_id: string, server_id: string, changes: ServerChanges) => invoke<Server>("set_server", { account_id, server_id, changes }),
  bulkPower: (account_id: string, server_ids: Array<string>, action: BulkAction) => invoke<null>("bulk_power", { account_id, server_ids, action }),
  listVlans: (account_id: string) => invoke<Array<Vlan>>("list_vlans", { account_id }),
  createVlan: (account_id: string, name: string) => invoke<Vlan>("create_vlan", { account_id, name }),
  renameVlan: (account_id: string, vlan_id: string, name: string) => invoke<Vlan>("rename_vlan", { account_id, vlan_id, name }),
  listStaticIps: (account_id: string) => invoke<Array<StaticIp>>("list_static_ips", { account_id }),
  createStaticIp: (account_id: string) => invoke<StaticIp>("create_static_ip", { account_id }),
  destroyStaticIp: (account_id: string, ip: string) => invoke<null>("destroy_static_ip", { account_id, ip }),
  listServerGroups: (account_id: string) => invoke<Array<ServerGroup>>("list_server_groups", { account_id }),
  createServerGroup: (account_id: string, name: string) => invoke<ServerGroup>("create_server_group", { account_id, name }),
  renameServerGroup: (account_id: string, group_id: string, name: string) => invoke<null>("rename_server_group", { account_id, group_id, name }),
  destroyServerGroup: (account_id: string, group_id: string) => invoke<null>("destroy_server_group", { account_id, group_id }),
  groupMembers: (account_id: string, group_id: string, server_ids: Array<string>, add: boolean) => invoke<Array<string>>("group_members", { account_id, group_id, server_ids, add }),
  groupPower: (account_id: string, group_id: string, action: PowerAction) => invoke<Array<string>>("group_power", { account_id, group_id, action }),
  accountProfile: (account_id: string) => invoke<Array<ProfileField>>("account_profile", { account_id }),
  setAccountProfile: (account_id: string, changes: Array<ProfileChange>) => invoke<Array<ProfileField>>("set_account_profile", { account_id, changes }),
  serverResources: (account_id: string, server_id: string) => invoke<ServerResources>("server_resources", { account_id, server_id }),
  updateServerResources: (account_id: string, server_id: string, change: ResourcesChange) => invoke<ServerResources>("update_server_resources", { account_id, server_id, change }),
  upgradeStorage: (account_id: string, server_id: string, confirm: boolean) => invoke<null>("upgrade_storage", { account_id, server_id, confirm }),
  serverLicences: (account_id: string, server_id: string) => invoke<ServerLicences>("server_licences", { account_id, server_id }),
  changeServerLicence: (account_id: string, server_id: string, change: ServerLicenceChange) => invoke<ServerLicences>("change_server_licence", { account_id, server_id, change }),
  transferManagedService: (account_id: string, server_id: string, to_server: string, reassign_ip: string | null, confirm: boolean) => invoke<null>("transfer_managed_service", { account_id, server_id, to_server, reassign_ip, confirm }),
  setNodeConsumer: (account_id: string, kind: NodeKind, node_id: string, consumer_id: string | null) => invoke<null>("set_node_consumer", { account_id, kind, node_id, consumer_id }),
  convertBackup: (account_id: string, server_id: string, backup_id: string) => invoke<null>("convert_backup", { account_id, server_id, backup_id }),
  editCustomTemplate: (account_id: string, template_id: string, edit: TemplateEdit) => invoke<null>("edit_custom_template", { account_id, template_id, edit }),
  accountIps: (account_id: string, consumer_id: string | null) => invoke<Array<AccountIp>>("account_ips", { account_id, consumer_id }),
  editAccountIp: (account_id: string, ip_id: string, notes: string, consumer_id: string | null) => invoke<null>("edit_account_ip", { account_id, ip_id, notes, consumer_id }),
  reassignIp: (account_id: string, ip_id: string, server_id: string, confirm: boolean) => invoke<string>("reassign_ip", { account_id, ip_id, server_id, confirm }),
  justifiedIps: (account_id: string) => invoke<Array<JustifiedIp>>("justified_ips", { account_id }),
  requestJustifiedIps: (account_id: string, server_id: string, reasons: Array<Justification>, confirm: boolean) => invoke<null>("request_justified_ips", { account_id, server_id, reasons, confirm }),
  cloudGroups: (account_id: string) => invoke<Array<CloudGroup>>("cloud_groups", { account_id }),
};
