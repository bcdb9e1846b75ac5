import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { NewTicket, Ticket, TicketThread } from "../api/bindings";
import { installMockBackend, ipcError, type MockBackend } from "../api/mockBackend";
import { stateWith, type Declared } from "./declared";
import { renderApp } from "./render";

type User = ReturnType<typeof renderApp>["user"];

const PASSWORD = "ui-t1cket-r00t";

// VPS.NET declares tickets; Vultr has no ticket API. Departments, issue types and the
// "no ticket API" text come from the generated provider registry, as in the app.
const ACCOUNTS: Declared[] = [
  { id: "demo-vpsnet", name: "Demo VPS.NET", provider: "vpsnet", capabilities: ["tickets"] },
  { id: "demo-vultr", name: "Demo Vultr", provider: "vultr", capabilities: [] },
];

function ticket(partial: Partial<Ticket> & Pick<Ticket, "id" | "subject">): Ticket {
  return {
    account: "Demo VPS.NET",
    account_id: "demo-vpsnet",
    provider: "vpsnet",
    status: "open",
    provider_status: "Open",
    department: "Billing",
    department_id: "1",
    last_response_by: "staff",
    last_responded: "Staff Followup",
    last_response_time: "2010-08-09T12:02:00Z",
    ...partial,
  };
}

function install(): MockBackend {
  const backend = installMockBackend(stateWith(ACCOUNTS));
  const tickets: Ticket[] = [
    ticket({ id: "979", subject: "API test subject" }),
    ticket({
      id: "975",
      subject: "Upgrade to 4 nodes",
      status: "closed",
      provider_status: "Closed",
      department: "Sales",
      last_response_by: "customer",
      last_responded: "Customer Reply",
      last_response_time: "2010-07-28T15:03:09Z",
    }),
  ];
  const threads: Record<string, TicketThread> = {
    "979": {
      account: "Demo VPS.NET",
      account_id: "demo-vpsnet",
      provider: "vpsnet",
      id: "979",
      subject: "API test subject",
      status: "open",
      provider_status: "Open",
      messages: [
        { author: "customer", staff: false, body: "Test ticket comment", time: "2010-08-06T12:28:16Z" },
        { author: "staff", staff: true, body: "The credit has been added.", time: "2010-08-09T12:02:00Z" },
      ],
    },
  };
  backend.on("list_tickets", () => ({ tickets: structuredClone(tickets), errors: [] }));
  backend.on("get_ticket", (args) => structuredClone(threads[String(args.ticket_id)]));
  backend.on("managed_services", () => [{ server_id: vpsnetServer(backend), support_ip: "68.169.40.3", renewal_date: "16 Apr 2027" }]);
  backend.on("reply_ticket", () => null);
  backend.on("close_ticket", () => null);
  backend.on("open_ticket", (args) => {
    const req = args.request as NewTicket;
    if (req.department === "3" && !req.domain_name) throw ipcError("validation", "domain_name: Wordpress tickets need the domain name", [{ field: "domain_name", message: "Wordpress tickets need the domain name" }]);
    const t = ticket({ id: "1000", subject: req.subject || "Server is Down", department: "Server issue", last_response_by: "customer" });
    tickets.push(t);
    threads["1000"] = { ...threads["979"], id: "1000", subject: t.subject, messages: [{ author: "customer", staff: false, body: req.body, time: null }] };
    return t;
  });
  return backend;
}

function vpsnetServer(backend: MockBackend): string {
  return backend.state.servers.find((s) => s.account_id === "demo-vpsnet")!.id;
}

async function choose(user: User, testId: string, option: string) {
  await user.click(screen.getByTestId(testId));
  await user.click(await screen.findByRole("option", { name: option }));
}

function openTicketsPage() {
  window.location.hash = "#/tickets";
  return renderApp();
}

describe("tickets page", () => {
  it("lists tickets with status, department, who answered last and an unread marker, and says where unsupported providers take tickets", async () => {
    install();
    openTicketsPage();
    const row = await screen.findByTestId("ticket-row-demo-vpsnet-979");
    expect(row).toHaveTextContent("API test subject");
    expect(row).toHaveTextContent("Billing");
    expect(within(row).getByTestId("ticket-last-demo-vpsnet-979")).toHaveTextContent("Staff");
    expect(screen.getByTestId("ticket-status-demo-vpsnet-979")).toHaveTextContent("open");
    expect(screen.getByTestId("ticket-status-demo-vpsnet-975")).toHaveTextContent("closed");
    expect(screen.getByTestId("ticket-unread-demo-vpsnet-979")).toBeInTheDocument();
    expect(screen.queryByTestId("ticket-unread-demo-vpsnet-975")).toBeNull();
    const vultr = screen.getByTestId("tickets-unsupported-demo-vultr");
    expect(vultr).toHaveTextContent("no support-ticket API");
    expect(screen.getByTestId("tickets-support-link-demo-vultr")).toHaveAttribute("href", "https://my.vultr.com/");
  });

  it("filters by VPS.NET's departments, with the status, through the backend", async () => {
    const backend = install();
    backend.on("list_tickets", (args) => {
      const f = args.filter as { status: string | null; department: string | null };
      const all = [ticket({ id: "979", subject: "API test subject" }), ticket({ id: "975", subject: "Upgrade to 4 nodes", department: "Sales", department_id: "2" })];
      return { tickets: all.filter((t) => (!f.department || t.department_id === f.department) && (!f.status || t.status === f.status)), errors: [] };
    });
    const { user } = openTicketsPage();
    await screen.findByTestId("ticket-row-demo-vpsnet-975");
    await choose(user, "tickets-department-filter", "Sales");
    await waitFor(() => expect(screen.queryByTestId("ticket-row-demo-vpsnet-979")).toBeNull());
    expect(screen.getByTestId("ticket-row-demo-vpsnet-975")).toBeInTheDocument();
    expect(backend.callsOf("list_tickets").at(-1)?.args.filter).toEqual({ status: null, department: "2" });
    await user.click(screen.getByRole("radio", { name: "On hold" }));
    await waitFor(() => expect(backend.callsOf("list_tickets").at(-1)?.args.filter).toEqual({ status: "hold", department: "2" }));
    await choose(user, "tickets-department-filter", "Billing");
    expect(await screen.findByTestId("tickets-empty")).toHaveTextContent("No on-hold tickets in Billing.");
  });

  it("reading a thread clears its marker; a reply sends the body and the password once, then clears both", async () => {
    const backend = install();
    const { user } = openTicketsPage();
    await user.click(await screen.findByTestId("ticket-open-demo-vpsnet-979"));
    const messages = await screen.findByTestId("ticket-messages");
    expect(within(messages).getByTestId("ticket-message-1")).toHaveAttribute("data-author", "staff");
    expect(within(messages).getByTestId("ticket-message-1")).toHaveTextContent("The credit has been added.");
    await waitFor(() => expect(screen.queryByTestId("ticket-unread-demo-vpsnet-979")).toBeNull());
    await waitFor(() => expect(backend.callsOf("save_preferences").at(-1)?.args.preferences).toMatchObject({ viewed_tickets: { "demo-vpsnet-979": "2010-08-09T12:02:00Z" } }));

    await user.type(screen.getByTestId("ticket-reply-body"), "Thanks!");
    await user.type(screen.getByTestId("ticket-reply-root-password"), PASSWORD);
    await user.click(screen.getByTestId("ticket-reply-submit"));
    await waitFor(() => expect(backend.callsOf("reply_ticket")).toHaveLength(1));
    expect(backend.callsOf("reply_ticket")[0].args).toMatchObject({ ticket_id: "979", reply: { body: "Thanks!", root_password: PASSWORD } });
    await waitFor(() => expect(screen.getByTestId("ticket-reply-body")).toHaveValue(""));
    expect(screen.getByTestId("ticket-reply-root-password")).toHaveValue("");
    expect(JSON.stringify(backend.state.preferences)).not.toContain(PASSWORD);

    await user.click(screen.getByTestId("ticket-close"));
    await waitFor(() => expect(backend.callsOf("close_ticket")[0]?.args).toMatchObject({ account_id: "demo-vpsnet", ticket_id: "979" }));
  });

  it("shows the provider's refusal of a reply under the reply field, and keeps the text to fix", async () => {
    const backend = install();
    backend.on("reply_ticket", () => {
      throw ipcError("validation", "body: the message is over 64 KB", [{ field: "body", message: "the message is over 64 KB; shorten it" }]);
    });
    const { user } = openTicketsPage();
    await user.click(await screen.findByTestId("ticket-open-demo-vpsnet-979"));
    await user.type(await screen.findByTestId("ticket-reply-body"), "A long log");
    await user.type(screen.getByTestId("ticket-reply-root-password"), PASSWORD);
    await user.click(screen.getByTestId("ticket-reply-submit"));
    await waitFor(() => expect(screen.getByTestId("ticket-reply-body")).toHaveAccessibleDescription("the message is over 64 KB; shorten it"));
    expect(screen.getByTestId("ticket-reply-body")).toHaveValue("A long log");
    expect(screen.getByTestId("ticket-reply-root-password")).toHaveValue("");
    expect(screen.queryByTestId("ticket-reply-error")).toBeNull();
  });

  it("shows the fields each department needs, and places the provider's field errors", async () => {
    const backend = install();
    const { user } = openTicketsPage();
    await user.click(await screen.findByTestId("new-ticket-button"));
    await screen.findByTestId("new-ticket-form");
    await choose(user, "new-ticket-department", "Billing");
    expect(screen.queryByTestId("new-ticket-domain")).toBeNull();
    expect(screen.queryByTestId("new-ticket-server")).toBeNull();
    expect(screen.queryByTestId("new-ticket-root-password")).toBeNull();

    await choose(user, "new-ticket-department", "Wordpress");
    expect(screen.getByTestId("new-ticket-domain")).toBeInTheDocument();
    expect(screen.queryByTestId("new-ticket-credentials")).toBeNull();
    await user.type(screen.getByTestId("new-ticket-subject"), "Plugin");
    await user.type(screen.getByTestId("new-ticket-body"), "Blank page");
    await user.click(screen.getByTestId("new-ticket-submit"));
    expect(await screen.findByText("Wordpress tickets need the domain name")).toBeInTheDocument();
    expect(screen.getByTestId("new-ticket-domain"), "the refusal sits under the domain field").toHaveAccessibleDescription("Wordpress tickets need the domain name");
    expect(screen.queryByTestId("new-ticket-error"), "a placed field error is not repeated above the buttons").toBeNull();

    await choose(user, "new-ticket-department", "Server issue");
    expect(screen.queryByTestId("new-ticket-domain")).toBeNull();
    expect(screen.getByTestId("new-ticket-server")).toBeInTheDocument();
    expect(screen.getByTestId("new-ticket-issue")).toBeInTheDocument();
    expect(screen.getByTestId("new-ticket-credentials")).toHaveTextContent("Sent to VPS.NET staff over the API, never stored by vpsdesk.");
    expect(backend.callsOf("open_ticket")).toHaveLength(1);
  });

  it("opens a server issue with a root password; the form is cleared and the thread shown", async () => {
    const backend = install();
    const { user } = openTicketsPage();
    await user.click(await screen.findByTestId("new-ticket-button"));
    await choose(user, "new-ticket-department", "Server issue");
    const server = backend.state.servers.find((s) => s.account_id === "demo-vpsnet")!;
    await choose(user, "new-ticket-server", `${server.name} (${server.id})`);
    await choose(user, "new-ticket-issue", "Server is Down");
    expect(await screen.findByTestId("new-ticket-managed")).toHaveTextContent("68.169.40.3");
    await user.type(screen.getByTestId("new-ticket-body"), "It is down");
    await user.type(screen.getByTestId("new-ticket-root-password"), PASSWORD);
    await user.type(screen.getByTestId("new-ticket-ssh-port"), "2222");
    await user.click(screen.getByTestId("new-ticket-submit"));
    await waitFor(() => expect(backend.callsOf("open_ticket")).toHaveLength(1));
    expect(backend.callsOf("open_ticket")[0].args).toMatchObject({
      account_id: "demo-vpsnet",
      request: { department: "5", server_id: server.id, issue: "reboot", root_password: PASSWORD, ssh_port: "2222", domain_name: null },
    });
    expect(await screen.findByTestId("ticket-messages")).toHaveTextContent("It is down");
    expect(screen.queryByDisplayValue(PASSWORD)).toBeNull();
  });

  it("clears the credentials when opening fails", async () => {
    const backend = install();
    backend.on("open_ticket", () => {
      throw ipcError("unreachable", "cannot reach VPS.NET");
    });
    const { user } = openTicketsPage();
    await user.click(await screen.findByTestId("new-ticket-button"));
    await choose(user, "new-ticket-department", "Server issue");
    await user.type(screen.getByTestId("new-ticket-body"), "down");
    await user.type(screen.getByTestId("new-ticket-root-password"), PASSWORD);
    await user.click(screen.getByTestId("new-ticket-submit"));
    expect(await screen.findByTestId("new-ticket-error")).toHaveTextContent("cannot reach VPS.NET");
    expect(screen.getByTestId("new-ticket-root-password")).toHaveValue("");
    expect(screen.getByTestId("new-ticket-body")).toHaveValue("down");
  });

  it("'Open a ticket about this server' pre-fills account, department and server", async () => {
    const backend = install();
    const { user } = renderApp();
    const server = backend.state.servers.find((s) => s.account_id === "demo-vpsnet")!;
    const key = `${server.account_id}-${server.id}`;
    // Rows re-render while the accounts load; open the menu once they have.
    await waitFor(() => expect(screen.getByTestId("last-refreshed")).toHaveTextContent("Updated"));
    await user.click(await screen.findByTestId(`action-more-${key}`));
    await user.click(await screen.findByTestId(`action-ticket-${key}`));
    await screen.findByTestId("new-ticket-form");
    expect(window.location.hash).toBe("#/tickets");
    expect(screen.getByTestId("new-ticket-department")).toHaveValue("Server issue");
    await waitFor(() => expect(screen.getByTestId("new-ticket-server")).toHaveValue(`${server.name} (${server.id})`));
    expect(screen.getByTestId("new-ticket-issue")).toHaveValue("Server is Down");
  });
});
