import { Kitchen } from "@/components/ui/zz-kitchen";
import { PageHeader } from "@/components/ui/page-header";
import { Button } from "@/components/ui/button";
import Loading from "../loading";
import ErrorView from "./zz-error";
export default async function P({ searchParams }: { searchParams: Promise<{ show?: string }> }) {
  const { show } = await searchParams;
  if (show === "loading") return <Loading />;
  if (show === "error") return <ErrorView />;
  return (<><PageHeader title="Kitchen" description="All components" actions={<><Button>Export</Button><Button variant="primary">Drain now</Button></>} /><Kitchen /></>);
}
