use vpsdesk_core::tickets::{
    ManagedService, NewTicket, Ticket, TicketAccount, TicketFilter, TicketInventory, TicketReply, TicketThread,
};

use super::ipc;

// Root and SSH credentials arrive inside `NewTicket`/`TicketReply` as
// `Secret`s and are dropped when the command returns; nothing sent back
// carries them.
ipc! {
    async fn ticket_accounts(state) -> Vec<TicketAccount> {
        state.desk.ticket_accounts()
    }

    async fn list_tickets(state, filter: TicketFilter) -> TicketInventory {
        Ok(state.desk.ticket_inventory(&state.desk.accounts()?, &filter).await)
    }

    async fn get_ticket(state, account_id: String, ticket_id: String) -> TicketThread {
        state.desk.ticket(&state.desk.find(&account_id)?, &ticket_id).await
    }

    async fn open_ticket(state, account_id: String, request: NewTicket) -> Ticket {
        state.desk.open_ticket(&state.desk.find(&account_id)?, request).await
    }

    async fn reply_ticket(state, account_id: String, ticket_id: String, reply: TicketReply) -> () {
        state.desk.reply_ticket(&state.desk.find(&account_id)?, &ticket_id, reply).await
    }

    async fn close_ticket(state, account_id: String, ticket_id: String) -> () {
        state.desk.close_ticket(&state.desk.find(&account_id)?, &ticket_id).await
    }

    async fn managed_services(state, account_id: String) -> Vec<ManagedService> {
        state.desk.managed_services(&state.desk.find(&account_id)?).await
    }
}
