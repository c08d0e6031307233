"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "@/components/ui/button";

type SubmitButtonProps = Omit<Extract<ButtonProps, { href?: undefined }>, "type">;

/** A submit button that shows its spinner while its `<form action={serverAction}>` is pending. */
export function SubmitButton({ loading, variant = "primary", ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return <Button {...props} type="submit" variant={variant} loading={loading || pending} />;
}
