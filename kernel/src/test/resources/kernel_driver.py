"""Runs cells on an installed Jupyter kernel and reports what came back, for KernelIT.

Reads a plan from stdin:
    {"kernel": "benchbook", "startup_timeout": 60,   (kernel: default $BENCHBOOK_KERNEL_NAME, else benchbook)
     "steps": [{"name": "...", "code": "...", "interrupt_after": 2.0, "timeout": 60}, ...]}
A step with "complete" or "inspect" (the code) and "cursor" instead of "code" sends that request;
its result has the reply's content under "reply".
and writes one JSON object to stdout:
    {"startup_ms": ..., "kernel_info": {...},
     "steps": {"<name>": {"status": "ok|error|timeout", "outputs": [...], "elapsed_ms": ...,
                          "alive": true}},
     "shutdown_ms": ...}
Each output is {"msg_type": ..., "content": {...}} for stream, execute_result, display_data,
update_display_data and error messages. Run it with /usr/bin/python3 (the one with jupyter_client).
"""
import json
import os
import queue
import sys
import time

from jupyter_client.manager import KernelManager

OUTPUT_TYPES = {"stream", "execute_result", "display_data", "update_display_data", "error"}


def run_request(kc, step):
    """A complete_request or inspect_request; its reply content is the result."""
    started = time.monotonic()
    if "complete" in step:
        reply = kc.complete(step["complete"], step["cursor"], reply=True, timeout=step.get("timeout", 60))
    else:
        reply = kc.inspect(step["inspect"], step["cursor"], detail_level=1, reply=True,
                           timeout=step.get("timeout", 60))
    return {"status": reply["content"].get("status", "ok"), "reply": reply["content"], "outputs": [],
            "elapsed_ms": round((time.monotonic() - started) * 1000), "alive": True}


def run_step(km, kc, step):
    if "complete" in step or "inspect" in step:
        return run_request(kc, step)
    started = time.monotonic()
    deadline = started + step.get("timeout", 60)
    msg_id = kc.execute(step["code"], allow_stdin=False, stop_on_error=False)
    result = {"outputs": []}
    if "interrupt_after" in step:
        time.sleep(step["interrupt_after"])
        interrupted_at = time.monotonic()
        km.interrupt_kernel()
    try:
        while True:
            msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "status" and msg["content"]["execution_state"] == "idle":
                break
            if kind in OUTPUT_TYPES:
                result["outputs"].append({"msg_type": kind, "content": msg["content"]})
        while True:
            reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                result["status"] = reply["content"]["status"]
                break
    except queue.Empty:
        result["status"] = "timeout"
    finished = time.monotonic()
    result["elapsed_ms"] = round((finished - started) * 1000)
    if "interrupt_after" in step:
        result["interrupt_to_idle_ms"] = round((finished - interrupted_at) * 1000)
    result["alive"] = km.is_alive()
    return result


def main():
    plan = json.load(sys.stdin)
    report = {"steps": {}}
    km = KernelManager(kernel_name=plan.get("kernel") or os.environ.get("BENCHBOOK_KERNEL_NAME") or "benchbook")
    started = time.monotonic()
    # The kernel's own stdout (JVM warnings, say) must not mix with the JSON report.
    km.start_kernel(stdout=sys.stderr)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=plan.get("startup_timeout", 60))
        report["startup_ms"] = round((time.monotonic() - started) * 1000)
        report["kernel_info"] = kc.kernel_info(reply=True, timeout=30)["content"]
        for step in plan["steps"]:
            result = run_step(km, kc, step)
            report["steps"][step["name"]] = result
            if result["status"] == "timeout" or not result["alive"]:
                break
    finally:
        kc.stop_channels()
        stopping = time.monotonic()
        km.shutdown_kernel(now=False)
        report["shutdown_ms"] = round((time.monotonic() - stopping) * 1000)
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
