import "server-only";
import { cache } from "react";
import { createQueryClient } from "@/lib/query/create-query-client";

/**
 * The request's query client for server components: one per request (React's cache()), so a
 * layout and a page prefetching into it share one dehydrated state.
 */
export const getServerQueryClient = cache(createQueryClient);
