use vpsdesk_core::capabilities::tickets::{
    ManagedService, NewTicket, Ticket, TicketFilter, TicketInventory, TicketReply, TicketThread,
};

use super::AccountRef;

// Root and SSH credentials arrive inside `NewTicket`/`TicketReply` as
// `Secret`s and are dropped when the command returns; nothing sent back
// carries them.
ipc! {
    async fn list_tickets(state, filter: TicketFilter) -> TicketInventory {
        Ok(state.service.ticket_inventory(&state.service.accounts()?, &filter).await)
    }

    async fn get_ticket(state, account_id: AccountRef, ticket_id: String) -> TicketThread = ticket;

    async fn open_ticket(state, account_id: AccountRef, request: NewTicket) -> Ticket {
        state.service.open_ticket(&account_id, request).await
    }

    async fn reply_ticket(state, account_id: AccountRef, ticket_id: String, reply: TicketReply) -> () {
        state.service.reply_ticket(&account_id, &ticket_id, reply).await
    }

    async fn close_ticket(state, account_id: AccountRef, ticket_id: String) -> () = close_ticket;

    async fn managed_services(state, account_id: AccountRef) -> Vec<ManagedService> = managed_services;
}
