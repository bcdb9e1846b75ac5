import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
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
