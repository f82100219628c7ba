package bench.flowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;

/**
 * The approval process on Flowable, embedded, behind a minimal HTTP endpoint (JDK
 * com.sun.net.httpserver), so the benchmark's Node client drives it the way it drives our API.
 *
 * <p>Environment: FLOWABLE_JDBC_URL, FLOWABLE_JDBC_USER, FLOWABLE_JDBC_PASSWORD, PORT,
 * BPMN_FILE (the model the Node driver generated from the checklist; deployed at start unless
 * unchanged), FLOWABLE_POOL (JDBC pool size, default 10 like our API), HTTP_THREADS (default
 * 100).
 *
 * <p>Routes (JSON):
 *
 * <ul>
 *   <li>GET /health
 *   <li>POST /process-instances {key, businessKey, variables} → 201 {id}
 *   <li>GET /process-instances/{id}/tasks → 200 [{id, key, name, group}]
 *   <li>POST /tasks/{id}/complete {variables, transient} → 200 {id}; 404 when the task is gone
 *       (already completed); 409 on Flowable's optimistic lock (a concurrent change of the same
 *       process instance: send again)
 *   <li>GET /tasks/{id} → 200 {id, key, processInstanceId, endTime} from the history (the
 *       query in which a decision becomes visible)
 *   <li>GET /metrics → JVM heap, threads, job counts
 *   <li>POST /gc → a full GC, then the heap in use
 * </ul>
 *
 * Variables whose names start with {@code at_} are epoch milliseconds and become java.util.Date
 * (the boundary timers' instants).
 */
public final class Main {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    String url = env("FLOWABLE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/flowable");
    int port = Integer.parseInt(env("PORT", "4710"));
    int pool = Integer.parseInt(env("FLOWABLE_POOL", "10"));
    long t0 = System.nanoTime();
    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    cfg.setJdbcUrl(url);
    cfg.setJdbcDriver("org.postgresql.Driver");
    cfg.setJdbcUsername(env("FLOWABLE_JDBC_USER", "postgres"));
    cfg.setJdbcPassword(env("FLOWABLE_JDBC_PASSWORD", ""));
    cfg.setJdbcMaxActiveConnections(pool);
    cfg.setJdbcMaxIdleConnections(pool);
    // Flowable's advice for high concurrency ("UUID ID generator for high concurrency"): the
    // default DbIdGenerator takes id blocks in a nested transaction on a second connection, which
    // a pool smaller than the HTTP threads deadlocks (starts at c = 100 stalled with every
    // connection "idle in transaction"); the UUID generator needs no database round trip.
    cfg.setIdGenerator(new StrongUuidGenerator());
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    // The async executor runs the timers (and async continuations): on, with its defaults.
    cfg.setAsyncExecutorActivate(true);
    cfg.setHistory("audit");
    ProcessEngine engine = cfg.buildProcessEngine();

    String bpmn = System.getenv("BPMN_FILE");
    if (bpmn != null && !bpmn.isBlank()) {
      engine
          .getRepositoryService()
          .createDeployment()
          .name("approval")
          .enableDuplicateFiltering()
          .addString("approval.bpmn20.xml", Files.readString(Path.of(bpmn)))
          .deploy();
    }

    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    HistoryService history = engine.getHistoryService();
    ManagementService management = engine.getManagementService();

    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
    server.setExecutor(
        Executors.newFixedThreadPool(Integer.parseInt(env("HTTP_THREADS", "100"))));
    server.createContext(
        "/",
        ex -> {
          try {
            route(ex, runtime, tasks, history, management);
          } catch (FlowableObjectNotFoundException e) {
            send(ex, 404, error(e));
          } catch (FlowableOptimisticLockingException e) {
            send(ex, 409, error(e));
          } catch (IllegalArgumentException e) {
            send(ex, 400, error(e));
          } catch (Exception e) {
            send(ex, 503, error(e));
          }
        });
    server.start();
    System.out.printf(
        "flowable peer listening on 127.0.0.1:%d (engine %s, ready in %d ms)%n",
        port,
        ProcessEngine.class.getPackage().getImplementationVersion(),
        (System.nanoTime() - t0) / 1_000_000);
  }

  private static void route(
      HttpExchange ex,
      RuntimeService runtime,
      TaskService tasks,
      HistoryService history,
      ManagementService management)
      throws IOException {
    String method = ex.getRequestMethod();
    String[] p = ex.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
    if (method.equals("GET") && p[0].equals("health")) {
      send(ex, 200, JSON.createObjectNode().put("status", "ok"));
    } else if (method.equals("POST") && p.length == 1 && p[0].equals("process-instances")) {
      JsonNode body = body(ex);
      String key = body.path("key").asText("approval");
      ProcessInstance pi =
          runtime.startProcessInstanceByKey(
              key, body.path("businessKey").asText(null), variables(body.path("variables")));
      send(ex, 201, JSON.createObjectNode().put("id", pi.getId()));
    } else if (method.equals("GET")
        && p.length == 3
        && p[0].equals("process-instances")
        && p[2].equals("tasks")) {
      List<Task> list = tasks.createTaskQuery().processInstanceId(p[1]).includeIdentityLinks().list();
      ArrayNode out = JSON.createArrayNode();
      for (Task t : list) {
        ObjectNode o = out.addObject();
        o.put("id", t.getId());
        o.put("key", t.getTaskDefinitionKey());
        o.put("name", t.getName());
        t.getIdentityLinks().stream()
            .filter(l -> l.getGroupId() != null)
            .findFirst()
            .ifPresent(l -> o.put("group", l.getGroupId()));
      }
      send(ex, 200, out);
    } else if (method.equals("POST")
        && p.length == 3
        && p[0].equals("tasks")
        && p[2].equals("complete")) {
      JsonNode body = body(ex);
      tasks.complete(p[1], variables(body.path("variables")), variables(body.path("transient")));
      send(ex, 200, JSON.createObjectNode().put("id", p[1]));
    } else if (method.equals("GET") && p.length == 2 && p[0].equals("tasks")) {
      HistoricTaskInstance t = history.createHistoricTaskInstanceQuery().taskId(p[1]).singleResult();
      if (t == null) throw new FlowableObjectNotFoundException("no task " + p[1]);
      ObjectNode o = JSON.createObjectNode();
      o.put("id", t.getId());
      o.put("key", t.getTaskDefinitionKey());
      o.put("processInstanceId", t.getProcessInstanceId());
      if (t.getEndTime() != null) o.put("endTime", t.getEndTime().getTime());
      else o.putNull("endTime");
      send(ex, 200, o);
    } else if (method.equals("GET") && p[0].equals("metrics")) {
      send(ex, 200, metrics(management));
    } else if (method.equals("POST") && p[0].equals("gc")) {
      System.gc();
      send(ex, 200, metrics(management));
    } else {
      send(ex, 404, JSON.createObjectNode().put("message", "no route " + method + " " + ex.getRequestURI()));
    }
  }

  private static ObjectNode metrics(ManagementService management) {
    Runtime rt = Runtime.getRuntime();
    ObjectNode o = JSON.createObjectNode();
    o.put("heapUsedBytes", rt.totalMemory() - rt.freeMemory());
    o.put("heapCommittedBytes", rt.totalMemory());
    o.put("heapMaxBytes", rt.maxMemory());
    o.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
    o.put("timerJobs", management.createTimerJobQuery().count());
    o.put("jobs", management.createJobQuery().count());
    o.put("deadLetterJobs", management.createDeadLetterJobQuery().count());
    return o;
  }

  private static Map<String, Object> variables(JsonNode node) {
    Map<String, Object> out = new HashMap<>();
    if (node == null || !node.isObject()) return out;
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (e.getKey().startsWith("at_")) {
        if (!v.isNumber())
          throw new IllegalArgumentException(e.getKey() + " must be epoch milliseconds");
        out.put(e.getKey(), new Date(v.asLong()));
      } else if (v.isNumber()) out.put(e.getKey(), v.isIntegralNumber() ? v.asLong() : v.asDouble());
      else if (v.isBoolean()) out.put(e.getKey(), v.asBoolean());
      else if (v.isNull()) out.put(e.getKey(), null);
      else out.put(e.getKey(), v.isTextual() ? v.asText() : v.toString());
    }
    return out;
  }

  private static JsonNode body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] b = in.readAllBytes();
      if (b.length == 0) return JSON.createObjectNode();
      try {
        return JSON.readTree(b);
      } catch (IOException e) {
        throw new IllegalArgumentException("body: not JSON");
      }
    }
  }

  private static ObjectNode error(Exception e) {
    return JSON.createObjectNode()
        .put("error", e.getClass().getSimpleName())
        .put("message", String.valueOf(e.getMessage()));
  }

  private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] b = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
