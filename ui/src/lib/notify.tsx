import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCheck, IconInfoCircle } from "@tabler/icons-react";
import { errorMessage } from "../api/errors";

/** Every mutation reports its outcome through these two functions. */
export function notifySuccess(title: string, message?: string) {
  notifications.show({
    title,
    message: message ?? "",
    color: "teal",
    icon: <IconCheck size={18} />,
    autoClose: 4000,
    withBorder: true,
  });
}

export function notifyError(title: string, error: unknown) {
  notifications.show({
    title,
    message: errorMessage(error),
    color: "red",
    icon: <IconAlertTriangle size={18} />,
    // Errors stay until dismissed: they say what to do and may take a while to read.
    autoClose: false,
    withBorder: true,
  });
}

/** Neither success nor failure: something the user asked for did not happen (e.g. a cancelled step). */
export function notifyInfo(title: string, message?: string) {
  notifications.show({
    title,
    message: message ?? "",
    color: "gray",
    icon: <IconInfoCircle size={18} />,
    autoClose: 6000,
    withBorder: true,
  });
}
