import { MantineProvider } from "@mantine/core";
import { ModalsProvider } from "@mantine/modals";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { HashRouter } from "react-router";
import { preferencesColorSchemeManager } from "./api/preferences";
import { cssVariablesResolver, theme } from "./theme";

/** Everything the app needs around it; tests use the same with env="test" (no transitions, no portals). */
export function AppProviders({ client, children, env = "default" }: { client: QueryClient; children: ReactNode; env?: "default" | "test" }) {
  const [colorSchemeManager] = useState(() => preferencesColorSchemeManager(client));
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
      env={env}
    >
      <QueryClientProvider client={client}>
        {/* Outside the modals, so that a modal's content can link to a page too. A page change renders at
            once, as a click should: as a transition it would wait behind the live server list's updates. */}
        <HashRouter useTransitions={false}>
          <ModalsProvider>
            <Notifications position="bottom-right" limit={5} />
            {children}
          </ModalsProvider>
        </HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
