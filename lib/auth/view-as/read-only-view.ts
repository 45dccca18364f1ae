import { AppError } from "@/lib/errors";

/** The refusal of every change while staff view a customer's account. */
export function readOnlyView(): AppError {
  return new AppError(
    "read_only_view",
    "You are viewing this account as staff, read-only: nothing can be changed here. Stop viewing to act as yourself.",
    403,
  );
}
