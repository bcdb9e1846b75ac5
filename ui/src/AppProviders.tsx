import { MantineProvider } from "@mantine/core";
import { ModalsProvider } from "@mantine/modals";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { theme } from "./theme";

/** Everything the app needs around it; tests use the same with env="test" (no transitions, no portals). */
export function AppProviders({ client, children, env = "default" }: { client: QueryClient; children: ReactNode; env?: "default" | "test" }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" env={env}>
      <QueryClientProvider client={client}>
        <ModalsProvider>
          <Notifications position="bottom-right" limit={5} />
          {children}
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
