import { Alert, Badge, Loader, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { balanceQuery, useCurrencies } from "../../api/billing";
import { currencyName } from "./currencies";

/** The currencies the provider bills in, named, with the one this account's balance is kept in marked. */
export function CurrenciesTab({ accountId, hasBalance }: { accountId: string; hasBalance: boolean }) {
  const currencies = useCurrencies(accountId, true);
  const balance = useQuery({ ...balanceQuery(accountId), enabled: hasBalance });
  const own = balance.data?.currency;
  if (currencies.isPending) return <Loader size="sm" aria-label="Loading the currencies" />;
  if (currencies.isError)
    return (
      <Alert color="red" variant="light" data-testid="currencies-error">
        {currencies.error.message}
      </Alert>
    );
  if (currencies.data.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="currencies-empty">
        The provider lists no currencies.
      </Text>
    );
  return (
    <Table striped verticalSpacing={4} fz="sm" maw={480} data-testid="currencies-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Code</Table.Th>
          <Table.Th>Currency</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {currencies.data.map((code) => (
          <Table.Tr key={code} data-testid="currency-row">
            <Table.Td ff="monospace">{code}</Table.Td>
            <Table.Td>{currencyName(code) ?? "—"}</Table.Td>
            <Table.Td>
              {code === own && (
                <Badge size="sm" variant="light">
                  this account&apos;s balance
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
