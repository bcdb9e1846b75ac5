import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Balance, BundleQuote, CurrencyTotal, DailyCharge, Invoice, Quote, SubscribedTotal, Subscription, Transaction } from "../api/bindings";
import { installMockBackend, ipcError, type MockBackend } from "../api/mockBackend";
import { stateWith, type Declared } from "./declared";
import { compare, grouped } from "../features/billing/money";
import { toCsv } from "../features/billing/csv";
import { renderApp, retype } from "./render";
import { formatTime } from "../lib/time";

// pdf.js needs a real canvas; the viewer's rendering is checked in the e2e test.
const renderPdf = vi.fn(async (_bytes: Uint8Array, into: HTMLElement) => {
  into.appendChild(document.createElement("canvas"));
  return 1;
});
vi.mock("../features/billing/pdf", () => ({ renderPdf: (...a: Parameters<typeof renderPdf>) => renderPdf(...a) }));

// What each demo account's provider declares of billing (the descriptors in providers/<p>/capabilities.rs).
const ACCOUNTS: Declared[] = [
  { id: "demo-vultr", name: "Demo Vultr", provider: "vultr", capabilities: ["billing.balance"] },
  { id: "demo-vpsnet", name: "Demo VPS.NET", provider: "vpsnet", capabilities: ["billing.balance", "billing.invoices", "billing.invoice_pdf"] },
  {
    id: "demo-cloudsigma",
    name: "Demo CloudSigma",
    provider: "cloudsigma",
    capabilities: ["billing.balance", "billing.transactions", "billing.usage", "billing.pricing", "billing.currencies", "billing.subscriptions"],
  },
  { id: "demo-vpsorg", name: "Demo VPS.org", provider: "vpsorg", capabilities: [] },
];

function balance(p: Partial<Balance> & Pick<Balance, "account_id" | "balance" | "currency">): Balance {
  return {
    account: "",
    provider: "vultr",
    meaning: p.balance.startsWith("-") ? "owed" : "credit",
    summary: `${grouped(p.balance.replace("-", ""))} ${p.currency} ${p.balance.startsWith("-") ? "owed" : "credit"}`,
    provider_balance: p.balance,
    pending_charges: null,
    credits: null,
    last_payment_date: null,
    last_payment_amount: null,
    ...p,
  };
}

const BALANCES: Record<string, Balance> = {
  "demo-vultr": balance({
    account_id: "demo-vultr",
    account: "Demo Vultr",
    provider: "vultr",
    balance: "5519.11",
    provider_balance: "-5519.11",
    currency: "USD",
    pending_charges: "57.03",
    last_payment_amount: "1.00",
    last_payment_date: "2014-07-18T15:31:01Z",
  }),
  "demo-vpsnet": balance({ account_id: "demo-vpsnet", account: "Demo VPS.NET", provider: "vpsnet", balance: "99.0", currency: "USD", credits: "0" }),
  "demo-cloudsigma": balance({ account_id: "demo-cloudsigma", account: "Demo CloudSigma", provider: "cloudsigma", balance: "1220.87", currency: "EUR" }),
};

// What the core answers for BALANCES (its own tests hold the adding up): fixed here so the
// summing rule is written once, in Rust.
const TOTALS: CurrencyTotal[] = [
  { currency: "USD", total: "5618.11", accounts: 2 },
  { currency: "EUR", total: "1220.87", accounts: 1 },
];

function invoice(p: Partial<Invoice> & Pick<Invoice, "id" | "date" | "amount" | "status">): Invoice {
  return {
    account: "Demo VPS.NET",
    account_id: "demo-vpsnet",
    provider: "vpsnet",
    number: p.id,
    due_date: null,
    currency: "USD",
    provider_status: p.status,
    has_pdf: true,
    ...p,
  };
}

const INVOICES: Invoice[] = [
  invoice({ id: "9130", date: "2011-04-27T11:09:19Z", due_date: "2011-04-30T23:00:00Z", amount: "15.00", status: "paid" }),
  invoice({ id: "10412", date: "2025-07-01T13:00:00Z", amount: "40.00", status: "paid" }),
  invoice({ id: "11046", date: "2025-11-01T13:00:00Z", due_date: "2999-11-15T23:00:00Z", amount: "75.00", status: "unpaid" }),
];

const TRANSACTIONS: Transaction[] = [
  { account: "Demo CloudSigma", account_id: "demo-cloudsigma", provider: "cloudsigma", id: "a", date: "2010-02-24T11:04:18Z", amount: "-13.75", currency: "EUR", description: "5 minutes of burst, use" },
  { account: "Demo CloudSigma", account_id: "demo-cloudsigma", provider: "cloudsigma", id: "b", date: "2010-02-24T10:27:52Z", amount: "-16.50", currency: "EUR", description: "6 minutes of burst" },
  { account: "Demo CloudSigma", account_id: "demo-cloudsigma", provider: "cloudsigma", id: "c", date: "2010-02-23T23:59:23Z", amount: "-20.10", currency: "EUR", description: "24 hours" },
  { account: "Demo CloudSigma", account_id: "demo-cloudsigma", provider: "cloudsigma", id: "d", date: "2010-02-01T09:12:44Z", amount: "1500.00", currency: "EUR", description: "Payment received" },
];

// What the core answers for TRANSACTIONS (capabilities/billing.rs tests the adding up).
const DAILY_CHARGES: DailyCharge[] = [
  { day: "2010-02-23", currency: "EUR", total: "20.10" },
  { day: "2010-02-24", currency: "EUR", total: "30.25" },
];

const SUBSCRIPTIONS: Subscription[] = [
  {
    account: "Demo CloudSigma",
    account_id: "demo-cloudsigma",
    provider: "cloudsigma",
    id: "c8308b4d-3c98-472c-9944-024b9c700c10",
    kind: "cpu",
    label: "CPU",
    unit: "core MHz",
    quantity: "2000",
    resource: null,
    start: "2010-03-08T21:15:18Z",
    end: "2010-04-08T21:15:18Z",
  },
];

const TOTALS_SUBSCRIBED: SubscribedTotal[] = [
  { account: "Demo CloudSigma", account_id: "demo-cloudsigma", provider: "cloudsigma", scope: "resources", resource: "cpu", label: "CPU", unit: "core MHz", quantity: "2000" },
  { account: "Demo CloudSigma", account_id: "demo-cloudsigma", provider: "cloudsigma", scope: "network", resource: "ip", label: "Static IP address", unit: "IPs", quantity: "2" },
];

function install(): MockBackend {
  const backend = installMockBackend(stateWith(ACCOUNTS));
  backend.on("billing_balance", (args) => structuredClone(BALANCES[String(args.account_id)]));
  backend.on("billing_balance_totals", () => structuredClone(TOTALS));
  backend.on("billing_invoices", () => structuredClone(INVOICES));
  backend.on("billing_transactions", () => structuredClone(TRANSACTIONS));
  backend.on("billing_daily_charges", () => structuredClone(DAILY_CHARGES));
  backend.on("billing_usage", () => []);
  backend.on("billing_pricing", () => []);
  backend.on("billing_subscriptions", () => structuredClone(SUBSCRIPTIONS));
  backend.on("billing_subscribed_totals", () => structuredClone(TOTALS_SUBSCRIBED));
  backend.on("billing_currencies", () => ["EUR", "GBP", "USD"]);
  backend.on("invoice_pdf", () => Array.from(new TextEncoder().encode("%PDF-1.4\n%%EOF\n")));
  return backend;
}

beforeEach(() => {
  renderPdf.mockClear();
  window.location.hash = "#/billing";
});

async function openBilling() {
  const r = renderApp();
  await screen.findByTestId("billing-page");
  await screen.findByTestId("billing-balance-demo-cloudsigma");
  return r;
}

describe("money", () => {
  // Adding money moved to the core (capabilities/billing.rs: totals_by_currency, daily_charges), with these tests' sums.
  it("compares and groups decimal strings exactly", () => {
    expect(compare("99.0", "99")).toBe(0);
    expect(compare("-1", "0.5")).toBe(-1);
    expect(grouped("-1234567.5")).toBe("-1,234,567.50");
    expect(grouped("99")).toBe("99.00");
    expect(grouped("2.750")).toBe("2.750");
  });

  it("neutralises CSV cells a spreadsheet would run as formulas, and keeps plain amounts numbers", () => {
    const cells = [
      "=HYPERLINK(\"http://evil.example\",\"x\")",
      "+1+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(A1:A2)",
      "\t=1+1",
      "\r=1+1",
      "-12.50",
      "-7",
      "15.00",
      "-12.50 USD",
      "a=b",
    ];
    const csv = toCsv(cells.map((v) => ({ v })), [{ header: "=cell", value: (r) => r.v }]);
    expect(csv.split("\r\n")).toEqual([
      "'=cell",
      '"\'=HYPERLINK(""http://evil.example"",""x"")"',
      "'+1+cmd|' /C calc'!A0",
      "'-2+3+cmd|' /C calc'!A0",
      "'@SUM(A1:A2)",
      "'\t=1+1",
      '"\'\r=1+1"',
      "-12.50",
      "-7",
      "15.00",
      "'-12.50 USD",
      "a=b",
      "",
    ]);
  });

  it("quotes CSV fields that need it", () => {
    expect(toCsv([{ a: 'x, "y"', b: null }], [
      { header: "a", value: (r) => r.a },
      { header: "b", value: (r) => r.b },
    ])).toBe('a,b\r\n"x, ""y""",\r\n');
  });
});

describe("Billing page", () => {
  it("shows each balance in words and totals per currency", async () => {
    install();
    await openBilling();
    const vultr = screen.getByTestId("billing-card-demo-vultr");
    expect(within(vultr).getByTestId("billing-balance-demo-vultr")).toHaveTextContent("5,519.11 USD");
    expect(within(vultr).getByTestId("billing-summary-demo-vultr")).toHaveTextContent("You have 5,519.11 USD credit");
    expect(within(vultr).getByTestId("billing-summary-demo-vultr")).toHaveTextContent("negative number there is credit");
    expect(vultr).toHaveTextContent("Pending charges (not yet invoiced): 57.03 USD");
    expect(vultr).toHaveTextContent(`Last payment: 1.00 USD on ${formatTime("2014-07-18T15:31:01Z")}`);
    expect(await screen.findByTestId("billing-total-USD")).toHaveTextContent(/^5,618.11 USD\s*\(2 accounts\)$/);
    expect(screen.getByTestId("billing-total-EUR")).toHaveTextContent(/^1,220.87 EUR\s*\(1 account\)$/);
    expect(screen.queryByText(/6,839/)).toBeNull();
  });

  it("has the backend total the balances it already loaded, without asking the providers again", async () => {
    const backend = install();
    await openBilling();
    const loaded = [BALANCES["demo-vultr"], BALANCES["demo-vpsnet"], BALANCES["demo-cloudsigma"]];
    await waitFor(() => expect(backend.callsOf("billing_balance_totals").at(-1)?.args).toEqual({ balances: loaded }));
    expect(await screen.findByTestId("billing-total-USD")).toHaveTextContent(/^5,618.11 USD\s*\(2 accounts\)$/);
    expect(backend.callsOf("billing_balance").map((c) => c.args.account_id)).toEqual(["demo-vultr", "demo-vpsnet", "demo-cloudsigma"]);
  });

  it("says so when the totals cannot be computed instead of showing none", async () => {
    const backend = install();
    backend.on("billing_balance_totals", () => {
      throw ipcError("validation", "the USD balances add up to more than vpsdesk can count exactly");
    });
    await openBilling();
    expect(await screen.findByTestId("billing-totals-error")).toHaveTextContent(
      "The totals per currency could not be computed: the USD balances add up to more than vpsdesk can count exactly",
    );
    expect(screen.queryByTestId("billing-totals")).toBeNull();
  });

  it("says where to go for a provider without a billing API instead of an empty table", async () => {
    install();
    await openBilling();
    const note = screen.getByTestId("billing-note-demo-vpsorg");
    expect(note).toHaveTextContent("VPS.org's API has no balance or invoices");
    expect(within(note).getByRole("link")).toHaveAttribute("href", "https://admin.vps.org/");
  });

  it("lists invoices unpaid first and filters them", async () => {
    install();
    const { user } = await openBilling();
    await waitFor(() => expect(screen.getAllByTestId("invoice-row")).toHaveLength(3));
    const numbers = () => screen.getAllByTestId("invoice-row").map((r) => within(r).getAllByRole("cell")[2].textContent);
    expect(numbers()).toEqual(["11046", "10412", "9130"]);
    expect(screen.getAllByTestId("invoice-row")[0]).toHaveAttribute("data-status", "unpaid");

    await user.click(screen.getByTestId("invoices-sort-amount"));
    expect(numbers()).toEqual(["9130", "10412", "11046"]);

    await user.click(screen.getByTestId("invoices-filter-status"));
    await user.click(await screen.findByRole("option", { name: "paid" }));
    expect(numbers()).toEqual(["9130", "10412"]);

    await user.type(screen.getByTestId("invoices-filter-from"), "2020-01-01");
    expect(numbers()).toEqual(["10412"]);
  });

  it("opens an invoice PDF inside the app", async () => {
    const backend = install();
    const { user } = await openBilling();
    await user.click(await screen.findByTestId("invoice-open-demo-vpsnet-9130"));
    await waitFor(() => expect(renderPdf).toHaveBeenCalledTimes(1));
    expect(backend.callsOf("invoice_pdf")[0].args).toEqual({ account_id: "demo-vpsnet", invoice_id: "9130" });
    expect(new TextDecoder().decode(renderPdf.mock.calls[0][0])).toBe("%PDF-1.4\n%%EOF\n");
    await waitFor(() => expect(screen.getByTestId("invoice-viewer-pages")).toHaveAttribute("data-pages", "1"));
  });

  it("shows the backend's message when the PDF cannot be had", async () => {
    const backend = install();
    backend.on("invoice_pdf", () => {
      throw ipcError("not_found", "VPS.NET has no invoice 9130 on this account; list the invoices to see their numbers");
    });
    const { user } = await openBilling();
    await user.click(await screen.findByTestId("invoice-open-demo-vpsnet-9130"));
    expect(await screen.findByTestId("invoice-viewer-error")).toHaveTextContent("VPS.NET has no invoice 9130");
  });

  it("saves a PDF and exports CSV through the backend's save dialog; the webview only suggests a name", async () => {
    const backend = install();
    // The backend opens the dialog and writes the file; the person picked /home/me.
    backend.on("save_invoice_pdf", (args) => ({ path: `/home/me/${String(args.suggested_name)}`, bytes: 812 }));
    backend.on("export_csv", (args) => ({ path: `/home/me/${String(args.suggested_name)}`, bytes: String(args.csv).length }));
    const { user } = await openBilling();
    await user.click(await screen.findByTestId("invoice-save-demo-vpsnet-11046"));
    await waitFor(() => expect(backend.callsOf("save_invoice_pdf")).toHaveLength(1));
    expect(backend.callsOf("save_invoice_pdf")[0].args).toEqual({ account_id: "demo-vpsnet", invoice_id: "11046", suggested_name: "invoice-11046.pdf" });
    expect(await screen.findByText("/home/me/invoice-11046.pdf")).toBeInTheDocument();

    await user.click(screen.getByTestId("invoices-export-csv"));
    await waitFor(() => expect(backend.callsOf("export_csv")).toHaveLength(1));
    const args = backend.callsOf("export_csv")[0].args as { suggested_name: string; csv: string };
    expect(Object.keys(args).sort()).toEqual(["csv", "suggested_name"]);
    expect(args.suggested_name).toMatch(/^invoices-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(args.csv.split("\r\n")[0]).toBe("account,provider,id,number,date,due_date,amount,currency,status");
    expect(args.csv.split("\r\n")[1]).toBe("Demo VPS.NET,vpsnet,11046,11046,2025-11-01T13:00:00Z,2999-11-15T23:00:00Z,75.00,USD,unpaid");
  });

  it("says nothing was exported when the save dialog is cancelled", async () => {
    const backend = install();
    backend.on("export_csv", () => null);
    const { user } = await openBilling();
    await user.click(await screen.findByTestId("invoices-export-csv"));
    await waitFor(() => expect(backend.callsOf("export_csv")).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText("Exported")).toBeNull();
  });

  it("warns below a per-account threshold and remembers it", async () => {
    const backend = install();
    const { user } = await openBilling();
    expect(screen.queryByTestId("billing-low-demo-vpsnet")).toBeNull();
    const input = screen.getByTestId("billing-threshold-demo-vpsnet");
    await user.type(input, "100{Enter}");
    expect(await screen.findByTestId("billing-low-demo-vpsnet")).toHaveTextContent("Below your warning level of 100.00 USD");
    await waitFor(() => expect(backend.state.preferences.low_balance).toEqual({ "demo-vpsnet": "100" }));
    expect(screen.queryByTestId("billing-low-demo-vultr")).toBeNull();
  });

  it("shows transactions with a chart of charges per day", async () => {
    install();
    await openBilling();
    expect(await screen.findAllByTestId("transaction-row")).toHaveLength(4);
    expect(screen.getByTestId("billing-chart")).toHaveTextContent("Charges per day (EUR), 2010-02-23 to 2010-02-24");
    const chart = screen.getByTestId("billing-chart");
    expect(within(chart).getByRole("img")).toHaveAccessibleName("Charges per day in EUR");
    // The canvas's numbers, for screen readers: one row per day, the exact totals.
    const rows = within(within(chart).getByRole("table", { name: "Charges per day in EUR" })).getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual(["PeriodCharged", "2010-02-2320.10 EUR", "2010-02-2430.25 EUR"]);
    expect(screen.getAllByTestId("transaction-row")[3]).toHaveTextContent("1,500.00 EUR");
  });

  it("has the backend add up the charges of the transactions it already loaded", async () => {
    const backend = install();
    await openBilling();
    await screen.findByTestId("billing-chart");
    expect(backend.callsOf("billing_daily_charges").at(-1)?.args).toEqual({ transactions: TRANSACTIONS });
    expect(backend.callsOf("billing_transactions")).toHaveLength(1);
  });

  it("says so when the charges per day cannot be computed instead of charting none", async () => {
    const backend = install();
    backend.on("billing_daily_charges", () => {
      throw ipcError("validation", "the EUR charges of 2010-02-24 add up to more than vpsdesk can count exactly");
    });
    await openBilling();
    expect(await screen.findByTestId("billing-chart-error")).toHaveTextContent(
      "The charges per day could not be computed: the EUR charges of 2010-02-24 add up to more than vpsdesk can count exactly",
    );
    expect(screen.queryByTestId("billing-chart")).toBeNull();
    expect(screen.getAllByTestId("transaction-row")).toHaveLength(4);
  });

  it("shows what the account has subscribed in total beside the subscriptions", async () => {
    install();
    const { user } = await openBilling();
    await user.click(await screen.findByTestId("billing-tab-subscriptions"));
    const rows = await screen.findAllByTestId("subscribed-total-row");
    expect(rows.map((r) => r.textContent)).toEqual(["CPU2000core MHzResources", "Static IP address2IPsNetwork"]);
  });

  it("says why the totals are missing and still lists the subscriptions", async () => {
    const backend = install();
    backend.on("billing_subscribed_totals", () => {
      throw ipcError("unreachable", "CloudSigma did not answer in time; try again");
    });
    const { user } = await openBilling();
    await user.click(await screen.findByTestId("billing-tab-subscriptions"));
    expect(await screen.findByTestId("subscribed-totals-error")).toHaveTextContent("CloudSigma did not answer in time");
    expect(await screen.findAllByTestId("subscription-row")).toHaveLength(1);
  });

  it("prices a subscription before buying it", async () => {
    const backend = install();
    const quote: Quote = { amount: "16.00", currency: "EUR" };
    backend.on("quote_subscription", () => quote);
    backend.on("create_subscription", () => [{ ...SUBSCRIPTIONS[0], id: "new", kind: "ip", label: "Static IP address", resource: "91.203.56.80" }]);
    const { user } = await openBilling();
    await user.click(await screen.findByTestId("billing-tab-subscriptions"));
    await user.click(await screen.findByTestId("subscription-new"));
    await retype(user, screen.getByTestId("subscription-quantity"), "2");
    await user.click(screen.getByTestId("subscription-price"));
    expect(await screen.findByTestId("subscription-quote")).toHaveTextContent("The provider quotes 16.00 EUR. Nothing has been bought yet.");
    expect(backend.callsOf("create_subscription")).toHaveLength(0);
    expect(backend.callsOf("quote_subscription")[0].args).toMatchObject({ account_id: "demo-cloudsigma", order: { kind: "ip", quantity: 2, months: 1 } });
    await user.click(screen.getByTestId("subscription-buy"));
    await waitFor(() => expect(backend.callsOf("create_subscription")).toHaveLength(1));
  });

  it("shows resources at CloudSigma's listed rates, with no invented total, before buying them", async () => {
    const backend = install();
    const quote: BundleQuote = {
      total: null,
      currency: "EUR",
      lines: [{ key: "cpu", label: "CPU", unit: "core MHz", quantity: 2000, rate: "0.200" }],
    };
    backend.on("quote_bundle", () => quote);
    backend.on("create_bundle", () => [SUBSCRIPTIONS[0]]);
    const { user } = await openBilling();
    await user.click(await screen.findByTestId("billing-tab-subscriptions"));
    await user.click(await screen.findByTestId("bundle-new"));
    await retype(user, screen.getByTestId("bundle-cpu"), "2000");
    await retype(user, screen.getByTestId("bundle-start"), "2010-03-22 00:00");
    await user.click(screen.getByTestId("bundle-price"));
    const preview = await screen.findByTestId("bundle-quote");
    expect(preview).toHaveTextContent("CloudSigma's API calculates no price for resources");
    expect(within(preview).getByTestId("bundle-quote-lines")).toHaveTextContent("CPU2000 core MHz0.200 EUR");
    expect(backend.callsOf("quote_bundle")[0].args).toEqual({
      account_id: "demo-cloudsigma",
      order: { kind: "resources", items: [{ key: "cpu", quantity: 2000 }], months: 1, start: "2010-03-22 00:00" },
    });
    expect(backend.callsOf("create_bundle")).toHaveLength(0);
    expect(screen.getByTestId("bundle-buy")).toHaveTextContent("Buy at these rates");
    await user.click(screen.getByTestId("bundle-buy"));
    await waitFor(() => expect(backend.callsOf("create_bundle")).toHaveLength(1));
  });

  it("buys software for the price CloudSigma calculated, and a changed order needs a new price", async () => {
    const backend = install();
    backend.on("quote_bundle", () => ({
      total: "45.00",
      currency: "EUR",
      lines: [{ key: "msft_lwa_00135", label: "Windows Web Server 2008", unit: "licences", quantity: 1, rate: "45.00" }],
    }) satisfies BundleQuote);
    const { user } = await openBilling();
    await user.click(await screen.findByTestId("billing-tab-subscriptions"));
    await user.click(await screen.findByTestId("bundle-new"));
    await user.click(screen.getByRole("radio", { name: "Software licences" }));
    await retype(user, screen.getByTestId("bundle-msft_lwa_00135"), "1");
    await user.click(screen.getByTestId("bundle-price"));
    expect(await screen.findByTestId("bundle-buy")).toHaveTextContent("Buy for 45.00 EUR");
    expect(screen.getByTestId("bundle-quote-lines")).toHaveTextContent("Windows Web Server 20081 licence45.00 EUR");
    expect(backend.callsOf("quote_bundle")[0].args).toMatchObject({ order: { kind: "software", items: [{ key: "msft_lwa_00135", quantity: 1 }] } });
    await retype(user, screen.getByTestId("bundle-msft_lwa_00135"), "2");
    expect(screen.queryByTestId("bundle-buy")).toBeNull();
    expect(screen.getByTestId("bundle-price")).toBeInTheDocument();
  });

  it("puts a refused resource under its field", async () => {
    const backend = install();
    backend.on("quote_bundle", () => {
      throw ipcError("validation", "cpu: the minimum CPU subscription is 2000 core MHz; 1000 is too little", [
        { field: "cpu", message: "the minimum CPU subscription is 2000 core MHz; 1000 is too little" },
      ]);
    });
    const { user } = await openBilling();
    await user.click(await screen.findByTestId("billing-tab-subscriptions"));
    await user.click(await screen.findByTestId("bundle-new"));
    await retype(user, screen.getByTestId("bundle-cpu"), "1000");
    await user.click(screen.getByTestId("bundle-price"));
    expect(await screen.findByText("the minimum CPU subscription is 2000 core MHz; 1000 is too little")).toBeInTheDocument();
    expect(screen.queryByTestId("bundle-error")).toBeNull();
  });

  it("names the currencies CloudSigma bills in and marks the account's own", async () => {
    install();
    const { user } = await openBilling();
    await user.click(await screen.findByTestId("billing-tab-currencies"));
    const rows = await screen.findAllByTestId("currency-row");
    expect(rows.map((r) => r.textContent)).toEqual(["EUREurothis account's balance", "GBPBritish Pound", "USDUS Dollar"]);
  });

  it("says when the provider lists no currencies", async () => {
    const backend = install();
    backend.on("billing_currencies", () => []);
    const { user } = await openBilling();
    await user.click(await screen.findByTestId("billing-tab-currencies"));
    expect(await screen.findByTestId("currencies-empty")).toHaveTextContent("The provider lists no currencies.");
  });

  it("shows the provider's error instead of an empty currency list", async () => {
    const backend = install();
    backend.on("billing_currencies", () => {
      throw ipcError("auth", "CloudSigma did not accept the account's email and password");
    });
    const { user } = await openBilling();
    await user.click(await screen.findByTestId("billing-tab-currencies"));
    expect(await screen.findByTestId("currencies-error")).toHaveTextContent("did not accept");
  });

  it("places a refused order's field errors next to the fields", async () => {
    const backend = install();
    backend.on("quote_subscription", () => {
      throw ipcError("validation", "start: write the start as YYYY-MM-DD HH:MM (UTC), got \"soon\"", [
        { field: "start", message: "write the start as YYYY-MM-DD HH:MM (UTC), got \"soon\"" },
      ]);
    });
    const { user } = await openBilling();
    await user.click(await screen.findByTestId("billing-tab-subscriptions"));
    await user.click(await screen.findByTestId("subscription-new"));
    await retype(user, screen.getByTestId("subscription-start"), "soon");
    await user.click(screen.getByTestId("subscription-price"));
    expect(await screen.findByText(/write the start as YYYY-MM-DD HH:MM/)).toBeInTheDocument();
  });

  it("lists one account's invoices from a server's menu", async () => {
    install();
    window.location.hash = "#/servers";
    const { user } = renderApp();
    // Once the row has its account (its actions know what the provider can do).
    await waitFor(() => expect(screen.getByTestId("action-stop-demo-vpsnet-srv-1002")).not.toHaveAttribute("aria-disabled"));
    await user.click(screen.getByTestId("action-more-demo-vpsnet-srv-1002"));
    await user.click(await screen.findByTestId("action-invoices-demo-vpsnet-srv-1002"));
    expect(await screen.findByTestId("billing-page")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("invoices-filter-account")).toHaveValue("Demo VPS.NET"));
    expect(screen.getAllByTestId("invoice-row")).toHaveLength(3);
  });
});
