// Generated from the provider registry (src-tauri/core/src/providers) by `make bindings`. Do not edit.
import type { ProviderInfo, ProviderKind } from "./bindings";

export const PROVIDERS: ProviderInfo[] = [
  {
    "id": "vultr",
    "label": "Vultr",
    "username_label": null,
    "secret_label": "API key",
    "regions": [],
    "default_endpoint": "https://api.vultr.com",
    "sizing": "plans"
  },
  {
    "id": "vpsnet",
    "label": "VPS.NET",
    "username_label": "Account email",
    "secret_label": "API key",
    "regions": [],
    "default_endpoint": "https://api.vps.net",
    "sizing": "plans"
  },
  {
    "id": "vps247",
    "label": "VPS247",
    "username_label": null,
    "secret_label": "API key",
    "regions": [],
    "default_endpoint": "https://api.vps247.com",
    "sizing": "plans"
  },
  {
    "id": "cloudsigma",
    "label": "CloudSigma",
    "username_label": "Account email",
    "secret_label": "Password",
    "regions": [
      {
        "id": "zrh",
        "name": "Zurich"
      },
      {
        "id": "lvs",
        "name": "Las Vegas"
      }
    ],
    "default_endpoint": "https://api.zrh.cloudsigma.com",
    "sizing": "free"
  },
  {
    "id": "vpsorg",
    "label": "VPS.org",
    "username_label": null,
    "secret_label": "API token",
    "regions": [],
    "default_endpoint": "https://admin.vps.org",
    "sizing": "plans"
  }
];

export const PROVIDER_LABELS: Record<ProviderKind, string> = {
  vultr: "Vultr",
  vpsnet: "VPS.NET",
  vps247: "VPS247",
  cloudsigma: "CloudSigma",
  vpsorg: "VPS.org",
};
