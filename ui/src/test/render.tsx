import { render } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import type { ReactElement } from "react";
import { createQueryClient } from "../api/queries";
import { App } from "../App";
import { AppProviders } from "../AppProviders";

export function renderWithProviders(ui: ReactElement) {
  const client = createQueryClient();
  const user = userEvent.setup();
  const result = render(
    <AppProviders client={client} env="test">
      {ui}
    </AppProviders>,
  );
  return { ...result, client, user };
}

export function renderApp() {
  return renderWithProviders(<App />);
}

/** Replaces what a field holds, as a person would: clear it, then type. */
export async function retype(user: UserEvent, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.type(field, text);
}
