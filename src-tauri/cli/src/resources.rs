//! Account resources beyond servers from the terminal: `drives` (with
//! upload and download), `vlans`, `ips`, `groups`, `profile`, and the
//! `servers copy` / `set` / `start-many` / `stop-many` / `destroy-many` calls.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use vpsdesk_core::capabilities::account::profile::ProfileChange;
use vpsdesk_core::model::PowerAction;
use vpsdesk_core::providers::cloudsigma::ext::clone_and_bulk::BulkAction;
use vpsdesk_core::providers::cloudsigma::ext::drives::{Drive, DriveClone, NewDrive, StandardKind};
use vpsdesk_core::providers::cloudsigma::ext::server_settings::{DriveSlot, ServerChanges};
use vpsdesk_core::{AppService, Error};

use crate::account_arg::AccountArg;
use crate::extras::{changed, confirm, follow};
use crate::output::Flags;
use crate::output::{json_or, list, opt, say, Out};
use crate::secret_input::read_secret_as;
use crate::Failure;

/// Top-level commands, flattened into `vpsctl`'s own.
#[derive(Subcommand)]
pub enum ResourcesCmd {
    /// Drives of the account, the standard CDs and images, and drive contents
    #[command(subcommand)]
    Drives(DrivesCmd),
    /// Private VLANs of the account
    #[command(subcommand)]
    Vlans(VlansCmd),
    /// Static IP addresses of the account
    #[command(subcommand)]
    Ips(IpsCmd),
    /// Server groups, started and stopped together
    #[command(subcommand)]
    Groups(GroupsCmd),
    /// The account holder's profile at the provider
    #[command(subcommand)]
    Profile(ProfileCmd),
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Kind {
    Cd,
    Image,
    All,
}

#[derive(Subcommand)]
pub enum DrivesCmd {
    List {
        account: AccountArg,
    },
    Show {
        account: AccountArg,
        id: String,
    },
    /// The provider's standard drives (CDs, images or all), which servers can be made from
    Standard {
        account: AccountArg,
        #[arg(long, value_enum, default_value = "all")]
        kind: Kind,
    },
    Create {
        account: AccountArg,
        #[arg(long)]
        name: String,
        /// Size in bytes
        #[arg(long)]
        size: u64,
        /// Readable by several servers at once
        #[arg(long)]
        shared: bool,
        #[arg(long)]
        ssd: bool,
        /// Store it unencrypted (encrypted is the default)
        #[arg(long)]
        no_encryption: bool,
    },
    /// Copy a drive; the copy is at least as large as the original
    Clone {
        account: AccountArg,
        id: String,
        #[arg(long)]
        name: String,
        /// Size in bytes (default: the original's)
        #[arg(long)]
        size: Option<u64>,
        #[arg(long)]
        ssd: bool,
    },
    Destroy {
        account: AccountArg,
        id: String,
    },
    /// Write a local file onto the start of the drive, in 4 MiB gzipped chunks; waits until done
    Upload {
        account: AccountArg,
        id: String,
        file: PathBuf,
    },
    /// Read the drive (or its first --size bytes) into a local file, in 4 MiB chunks; waits until done
    Download {
        account: AccountArg,
        id: String,
        file: PathBuf,
        #[arg(long)]
        size: Option<u64>,
    },
}

#[derive(Subcommand)]
pub enum VlansCmd {
    List {
        account: AccountArg,
    },
    Create {
        account: AccountArg,
        #[arg(long)]
        name: String,
    },
    Rename {
        account: AccountArg,
        id: String,
        new_name: String,
    },
}

#[derive(Subcommand)]
pub enum IpsCmd {
    List {
        account: AccountArg,
    },
    /// Reserve a new static address (billed)
    Create {
        account: AccountArg,
    },
    Destroy {
        account: AccountArg,
        ip: String,
    },
}

#[derive(Subcommand)]
pub enum GroupsCmd {
    List {
        account: AccountArg,
    },
    Create {
        account: AccountArg,
        #[arg(long)]
        name: String,
    },
    Rename {
        account: AccountArg,
        id: String,
        new_name: String,
    },
    Destroy {
        account: AccountArg,
        id: String,
    },
    /// Add servers; prints the group's servers afterwards
    Add {
        account: AccountArg,
        id: String,
        #[arg(required = true)]
        servers: Vec<String>,
    },
    /// Remove servers; prints the group's servers afterwards
    Remove {
        account: AccountArg,
        id: String,
        #[arg(required = true)]
        servers: Vec<String>,
    },
    /// Start every server of the group
    Start {
        account: AccountArg,
        id: String,
    },
    /// Stop (power off) every server of the group
    Stop {
        account: AccountArg,
        id: String,
    },
}

#[derive(Subcommand)]
pub enum ProfileCmd {
    Show {
        account: AccountArg,
    },
    /// Change fields: `--field key=value`, repeatable (keys as `profile show` lists them)
    Set {
        account: AccountArg,
        #[arg(long = "field", required = true)]
        fields: Vec<String>,
    },
}

/// Flattened into `vpsctl servers`.
/// `servers set`'s options.
#[derive(Args)]
pub struct SetArgs {
    pub account: AccountArg,
    pub id: String,
    #[arg(long)]
    pub name: Option<String>,
    /// CPU quota, core MHz
    #[arg(long)]
    pub cpu: Option<u32>,
    /// Virtual processors, or auto (1 to 2.2 GHz each)
    #[arg(long)]
    pub smp: Option<String>,
    /// Memory, MB
    #[arg(long)]
    pub mem: Option<u32>,
    /// UUID of the parent object
    #[arg(long)]
    pub parent: Option<String>,
    /// Connect a drive: SLOT=DRIVE[:cdrom|disk], SLOT ide:0:0..ide:1:1 or block:0..block:7; repeatable
    #[arg(long = "drive", value_name = "SLOT=DRIVE[:MEDIA]")]
    pub drives: Vec<String>,
    /// The device to boot from, e.g. ide:0:0
    #[arg(long)]
    pub boot: Option<String>,
    /// e1000, rtl8139 or virtio
    #[arg(long)]
    pub nic0_model: Option<String>,
    /// The address DHCP offers the first card, or auto
    #[arg(long)]
    pub nic0_dhcp: Option<String>,
    /// e1000, rtl8139 or virtio
    #[arg(long)]
    pub nic1_model: Option<String>,
    /// The VLAN (uuid) the second card is attached to
    #[arg(long)]
    pub nic1_vlan: Option<String>,
    #[arg(long)]
    pub nic1_mac: Option<String>,
    /// The VNC address, or auto
    #[arg(long)]
    pub vnc_ip: Option<String>,
    /// Require TLS (VeNCrypt) for VNC
    #[arg(long)]
    pub vnc_tls: bool,
    /// Set a new VNC password, asked for at the terminal or read from the first line of stdin (never an argument)
    #[arg(long)]
    pub vnc_password: bool,
}

#[derive(Subcommand)]
pub enum FleetCmd {
    /// Copy a server and its drives under a new name (CloudSigma)
    Copy {
        account: AccountArg,
        id: String,
        #[arg(long)]
        name: String,
    },
    /// Change a server's settings (CloudSigma): only the options given, and of those only what differs, are sent
    Set(Box<SetArgs>),
    /// Start several servers in one request
    StartMany {
        account: AccountArg,
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Power off several servers in one request
    StopMany {
        account: AccountArg,
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Destroy several servers in one request
    DestroyMany {
        account: AccountArg,
        #[arg(required = true)]
        ids: Vec<String>,
    },
}

fn drives_out(drives: &[Drive], json: bool) -> Result<ExitCode, Failure> {
    list(json, drives, &["ID", "NAME", "SIZE BYTES", "STATUS", "SERVER", "SSD"], |d| {
        let ssd = if d.ssd { "yes" } else { "" };
        vec![d.id.clone(), d.name.clone(), opt(&d.size_bytes), d.status.clone(), opt(&d.claimed_by), ssd.into()]
    });
    Ok(ExitCode::SUCCESS)
}

fn ids_out(ids: &[String], json: bool) -> Result<ExitCode, Failure> {
    json_or(json, ids, |ids| ids.iter().for_each(|id| say!("{id}")));
    Ok(ExitCode::SUCCESS)
}

pub async fn run(service: &AppService, cmd: ResourcesCmd, flags: Flags) -> Result<ExitCode, Failure> {
    match cmd {
        ResourcesCmd::Drives(cmd) => drives(service, cmd, flags).await,
        ResourcesCmd::Vlans(cmd) => vlans(service, cmd, flags).await,
        ResourcesCmd::Ips(cmd) => ips(service, cmd, flags).await,
        ResourcesCmd::Groups(cmd) => groups(service, cmd, flags).await,
        ResourcesCmd::Profile(cmd) => profile(service, cmd, flags).await,
    }
}

async fn drives(service: &AppService, cmd: DrivesCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    match cmd {
        DrivesCmd::List { account } => drives_out(&service.drives(&account.resolve(service)?).await?, json),
        DrivesCmd::Show { account, id } => drives_out(&[service.drive(&account.resolve(service)?, &id).await?], json),
        DrivesCmd::Standard { account, kind } => {
            let kind = match kind {
                Kind::Cd => StandardKind::Cd,
                Kind::Image => StandardKind::Image,
                Kind::All => StandardKind::All,
            };
            drives_out(&service.standard_drives(&account.resolve(service)?, kind).await?, json)
        }
        DrivesCmd::Create { account, name, size, shared, ssd, no_encryption } => {
            let new = NewDrive { name, size_bytes: size, shared, ssd, encrypted: !no_encryption };
            drives_out(&[service.create_drive(&account.resolve(service)?, &new).await?], json)
        }
        DrivesCmd::Clone { account, id, name, size, ssd } => {
            let clone = DriveClone { name, size_bytes: size, ssd };
            drives_out(&[service.clone_drive(&account.resolve(service)?, &id, &clone).await?], json)
        }
        DrivesCmd::Destroy { account, id } => {
            confirm(yes, format!("destroying drive {id} deletes its data"))?;
            changed(service, account, format!("drive {id} destroyed"), async |a| service.destroy_drive(a, &id).await)
                .await
        }
        DrivesCmd::Upload { account, id, file } => {
            confirm(yes, format!("uploading overwrites the start of drive {id}"))?;
            let job = service.upload_drive(&account.resolve(service)?, &id, &file).await?;
            // The job lives in this process: stay until it is done.
            follow(service, job, true, json).await
        }
        DrivesCmd::Download { account, id, file, size } => {
            let job = service.download_drive(&account.resolve(service)?, &id, &file, size).await?;
            follow(service, job, true, json).await
        }
    }
}

async fn vlans(service: &AppService, cmd: VlansCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, .. } = flags;
    let out = |vlans: &[vpsdesk_core::providers::cloudsigma::ext::vlans_and_ips::Vlan], json: bool| {
        list(json, vlans, &["ID", "NAME"], |v| vec![v.id.clone(), v.name.clone()]);
        Ok(ExitCode::SUCCESS)
    };
    match cmd {
        VlansCmd::List { account } => out(&service.vlans(&account.resolve(service)?).await?, json),
        VlansCmd::Create { account, name } => {
            out(&[service.create_vlan(&account.resolve(service)?, &name).await?], json)
        }
        VlansCmd::Rename { account, id, new_name } => {
            changed(service, account, format!("VLAN {id} renamed to {new_name:?}"), async |a| {
                service.rename_vlan(a, &id, &new_name).await
            })
            .await
        }
    }
}

async fn ips(service: &AppService, cmd: IpsCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    let out = |ips: &[vpsdesk_core::providers::cloudsigma::ext::vlans_and_ips::StaticIp], json: bool| {
        list(json, ips, &["IP", "NAME", "NETMASK", "GATEWAY", "NAMESERVERS"], |i| {
            vec![i.ip.clone(), opt(&i.name), opt(&i.netmask), opt(&i.gateway), i.nameservers.join(" ")]
        });
        Ok(ExitCode::SUCCESS)
    };
    match cmd {
        IpsCmd::List { account } => out(&service.static_ips(&account.resolve(service)?).await?, json),
        IpsCmd::Create { account } => out(&[service.create_static_ip(&account.resolve(service)?).await?], json),
        IpsCmd::Destroy { account, ip } => {
            confirm(yes, format!("destroying {ip} releases the address"))?;
            changed(service, account, format!("static IP {ip} destroyed"), async |a| {
                service.destroy_static_ip(a, &ip).await
            })
            .await
        }
    }
}

async fn groups(service: &AppService, cmd: GroupsCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    let out = |groups: &[vpsdesk_core::providers::cloudsigma::ext::server_groups::ServerGroup], json: bool| {
        list(json, groups, &["ID", "NAME", "DESCRIPTION"], |g| {
            vec![g.id.clone(), g.name.clone(), g.description.clone()]
        });
        Ok(ExitCode::SUCCESS)
    };
    match cmd {
        GroupsCmd::List { account } => out(&service.server_groups(&account.resolve(service)?).await?, json),
        GroupsCmd::Create { account, name } => {
            out(&[service.create_server_group(&account.resolve(service)?, &name).await?], json)
        }
        GroupsCmd::Rename { account, id, new_name } => {
            changed(service, account, format!("server group {id} renamed to {new_name:?}"), async |a| {
                service.rename_server_group(a, &id, &new_name).await
            })
            .await
        }
        GroupsCmd::Destroy { account, id } => {
            confirm(yes, format!("destroying server group {id} removes the group (its servers stay)"))?;
            changed(service, account, format!("server group {id} destroyed"), async |a| {
                service.destroy_server_group(a, &id).await
            })
            .await
        }
        GroupsCmd::Add { account, id, servers } => {
            ids_out(&service.group_members(&account.resolve(service)?, &id, &servers, true).await?, json)
        }
        GroupsCmd::Remove { account, id, servers } => {
            ids_out(&service.group_members(&account.resolve(service)?, &id, &servers, false).await?, json)
        }
        GroupsCmd::Start { account, id } => {
            ids_out(&service.group_power(&account.resolve(service)?, &id, PowerAction::Start).await?, json)
        }
        GroupsCmd::Stop { account, id } => {
            ids_out(&service.group_power(&account.resolve(service)?, &id, PowerAction::Stop).await?, json)
        }
    }
}

async fn profile(service: &AppService, cmd: ProfileCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, .. } = flags;
    let (fields, json) = match cmd {
        ProfileCmd::Show { account } => (service.profile(&account.resolve(service)?).await?, json),
        ProfileCmd::Set { account, fields } => {
            let changes = fields
                .iter()
                .map(|f| {
                    f.split_once('=')
                        .map(|(k, v)| ProfileChange { key: k.trim().to_string(), value: v.to_string() })
                        .ok_or_else(|| Failure::Core(Error::field("field", format!("{f:?} is not key=value"))))
                })
                .collect::<Result<Vec<_>, _>>()?;
            (service.set_profile(&account.resolve(service)?, &changes).await?, json)
        }
    };
    list(json, &fields, &["KEY", "FIELD", "VALUE", "EDITABLE"], |f| {
        vec![f.key.clone(), f.label.clone(), f.value.clone(), if f.editable { "yes" } else { "" }.into()]
    });
    Ok(ExitCode::SUCCESS)
}

/// `SLOT=DRIVE` or `SLOT=DRIVE:MEDIA`.
fn drive_slot(text: &str) -> Result<DriveSlot, Failure> {
    let (slot, rest) = text
        .split_once('=')
        .ok_or_else(|| Failure::Usage(format!("--drive {text:?}: write SLOT=DRIVE or SLOT=DRIVE:MEDIA")))?;
    let (drive, media) = match rest.split_once(':') {
        Some((drive, media)) => (drive, Some(media.to_string())),
        None => (rest, None),
    };
    Ok(DriveSlot { slot: slot.to_string(), drive: drive.to_string(), media })
}

pub async fn fleet(service: &AppService, cmd: FleetCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    let bulk = |account: AccountArg, ids: Vec<String>, action: BulkAction, what: &'static str| async move {
        changed(service, account, format!("{what} requested for {}", ids.join(", ")), async |a| {
            service.bulk_power(a, &ids, action).await
        })
        .await
    };
    match cmd {
        FleetCmd::Copy { account, id, name } => {
            let account = account.resolve(service)?;
            Out::new(json).server(&service.clone_server(&account, &id, &name).await?);
            Ok(ExitCode::SUCCESS)
        }
        FleetCmd::Set(set) => {
            let SetArgs {
                account,
                id,
                name,
                cpu,
                smp,
                mem,
                parent,
                drives,
                boot,
                nic0_model,
                nic0_dhcp,
                nic1_model,
                nic1_vlan,
                nic1_mac,
                vnc_ip,
                vnc_tls,
                vnc_password,
            } = *set;
            let drives = drives.iter().map(|d| drive_slot(d)).collect::<Result<_, _>>()?;
            let account = account.resolve(service)?;
            let vnc_password =
                if vnc_password { Some(read_secret_as("new VNC password: ", "vnc_password")?) } else { None };
            let changes = ServerChanges {
                name,
                cpu,
                smp,
                mem,
                parent,
                drives,
                boot,
                nic0_model,
                nic0_dhcp,
                nic1_model,
                nic1_vlan,
                nic1_mac,
                vnc_ip,
                vnc_tls,
                vnc_password,
            };
            Out::new(json).server(&service.set_server(&account, &id, &changes).await?);
            Ok(ExitCode::SUCCESS)
        }
        FleetCmd::StartMany { account, ids } => bulk(account, ids, BulkAction::Start, "start").await,
        FleetCmd::StopMany { account, ids } => bulk(account, ids, BulkAction::Stop, "power-off").await,
        FleetCmd::DestroyMany { account, ids } => {
            confirm(yes, format!("destroying {} servers deletes them and their data", ids.len()))?;
            bulk(account, ids, BulkAction::Destroy, "destroy").await
        }
    }
}
