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
    "sizing": "plans",
    "panel_url": "https://my.vultr.com/billing/",
    "support_url": "https://my.vultr.com/",
    "no_billing": "Vultr's API has no balance or invoices; see them in the Vultr control panel at https://my.vultr.com/billing/",
    "no_tickets": "Vultr has no support-ticket API, so vpsdesk cannot show or open its tickets; open them on Vultr's site: https://my.vultr.com/",
    "no_dns": "The Vultr v1 API that vpsdesk uses offers only reverse DNS for server addresses, not zones. Manage DNS zones in the Vultr panel: https://my.vultr.com/dns/",
    "ticket_form": {
      "departments": [],
      "issue_types": []
    }
  },
  {
    "id": "vpsnet",
    "label": "VPS.NET",
    "username_label": "Account email",
    "secret_label": "API key",
    "regions": [],
    "default_endpoint": "https://api.vps.net",
    "sizing": "plans",
    "panel_url": "https://control.vps.net/",
    "support_url": "https://control.vps.net/",
    "no_billing": "VPS.NET's API has no balance or invoices; see them in the VPS.NET control panel at https://control.vps.net/",
    "no_tickets": "VPS.NET has no support-ticket API, so vpsdesk cannot show or open its tickets; open them on VPS.NET's site: https://control.vps.net/",
    "no_dns": "This VPS.NET client has no DNS support",
    "ticket_form": {
      "departments": [
        {
          "id": "1",
          "name": "Billing",
          "needs": "nothing"
        },
        {
          "id": "2",
          "name": "Sales",
          "needs": "nothing"
        },
        {
          "id": "3",
          "name": "Wordpress",
          "needs": "domain"
        },
        {
          "id": "4",
          "name": "Cloud Hosting",
          "needs": "domain"
        },
        {
          "id": "5",
          "name": "Server issue",
          "needs": "server"
        },
        {
          "id": "6",
          "name": "Other",
          "needs": "nothing"
        }
      ],
      "issue_types": [
        {
          "id": "reboot",
          "name": "Server is Down"
        },
        {
          "id": "performance_issue",
          "name": "Server Performance Issue"
        },
        {
          "id": "installation",
          "name": "Installation Request"
        },
        {
          "id": "administration",
          "name": "Server Administration Request"
        },
        {
          "id": "assisted",
          "name": "Assisted Start-up Request"
        },
        {
          "id": "abuse",
          "name": "Abuse / DDoS"
        },
        {
          "id": "other",
          "name": "Unknown / Other"
        }
      ]
    }
  },
  {
    "id": "vps247",
    "label": "VPS247",
    "username_label": null,
    "secret_label": "API key",
    "regions": [],
    "default_endpoint": "https://api.vps247.com",
    "sizing": "plans",
    "panel_url": "https://www.vps247.com/",
    "support_url": "https://www.vps247.com/",
    "no_billing": "VPS247's API has no balance or invoices; see them in the VPS247 control panel at https://www.vps247.com/",
    "no_tickets": "VPS247 has no support-ticket API, so vpsdesk cannot show or open its tickets; open them on VPS247's site: https://www.vps247.com/",
    "no_dns": "VPS247's API has no DNS calls. Manage DNS in the VPS247 control panel: https://www.vps247.com/",
    "ticket_form": {
      "departments": [],
      "issue_types": []
    }
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
    "sizing": "free",
    "panel_url": "https://www.cloudsigma.com/",
    "support_url": "https://www.cloudsigma.com/",
    "no_billing": "CloudSigma's API has no balance or invoices; see them in the CloudSigma control panel at https://www.cloudsigma.com/",
    "no_tickets": "CloudSigma has no support-ticket API, so vpsdesk cannot show or open its tickets; open them on CloudSigma's site: https://www.cloudsigma.com/",
    "no_dns": "CloudSigma's API 1.0 has no DNS calls. Manage DNS where your domain is registered, or in the CloudSigma web app: https://zrh.cloudsigma.com/",
    "ticket_form": {
      "departments": [],
      "issue_types": []
    }
  },
  {
    "id": "vpsorg",
    "label": "VPS.org",
    "username_label": null,
    "secret_label": "API token",
    "regions": [],
    "default_endpoint": "https://admin.vps.org",
    "sizing": "plans",
    "panel_url": "https://admin.vps.org/",
    "support_url": "https://admin.vps.org/",
    "no_billing": "VPS.org's API has no balance or invoices; see them in the VPS.org control panel at https://admin.vps.org/",
    "no_tickets": "VPS.org has no support-ticket API, so vpsdesk cannot show or open its tickets; open them on VPS.org's site: https://admin.vps.org/",
    "no_dns": "VPS.org's API has no DNS calls. Manage DNS in the VPS.org panel: https://admin.vps.org/",
    "ticket_form": {
      "departments": [],
      "issue_types": []
    }
  }
];

export const PROVIDER_LABELS: Record<ProviderKind, string> = {
  vultr: "Vultr",
  vpsnet: "VPS.NET",
  vps247: "VPS247",
  cloudsigma: "CloudSigma",
  vpsorg: "VPS.org",
};
