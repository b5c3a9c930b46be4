package com.relayboard.bench;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import com.relayboard.firmware.RelayBoard;

/**
 * The firmware's retained heap, in two parts: the firmware's own object graph (from the
 * {@link RelayBoard} instance: configuration, relay rules, mailbox, outbox, lifecycles, the screen's
 * widgets and the texts they show, the LED) and its MQTT client's (from the MicroPaho client object:
 * here Paho Java 1.2.5 underneath, its state, buffers and socket object).
 *
 * <p>Left out, as the platform's rather than the application's: classes and class loaders, threads
 * (their stacks are not Java heap), the display (its pixel buffer lives outside the Java heap on the
 * board), the font (in flash on the board), the console's stream, and the host platform's own
 * emulation classes and JDK internals ({@code sun.*}, {@code jdk.*}, {@code java.awt.*}).
 */
final class RetainedHeap {

    /** The MicroPaho client class, as the firmware sees it. */
    private static final String MICROPAHO_CLIENT = "org.eclipse.paho.client.mqttv3.MqttClient";

    private RetainedHeap() {
    }

    static String measure(RelayBoard board) throws ReflectiveOperationException {
        Object[] mqttClients = findMqttClients(board);
        final List<Object> catalogs = new ArrayList<>();
        final boolean[] setCatalogsAside = { false };
        HeapWalker walker = new HeapWalker(object -> {
            if (setCatalogsAside[0] && object instanceof ResourceBundle) {
                catalogs.add(object);
                return true;
            }
            return isPlatform(object);
        });
        walker.exclude(System.out);
        walker.exclude(System.err);
        for (Object client : mqttClients) {
            walker.exclude(client);
        }
        HeapWalker.Graph firmware = walker.walk(board);
        // The client walk shares the firmware walk's record: nothing is counted twice. Paho Java's
        // logging message catalogues are walked on their own, to tell how much of the client they are.
        setCatalogsAside[0] = true;
        HeapWalker.Graph mqtt = walker.walkFrom(mqttClients);
        setCatalogsAside[0] = false;
        HeapWalker.Graph catalog = walker.walk(catalogs.toArray());
        return "heap firmware.bytes=" + firmware.bytes + " firmware.objects=" + firmware.objects + " mqtt.bytes="
                + (mqtt.bytes + catalog.bytes) + " mqtt.objects=" + (mqtt.objects + catalog.objects)
                + " mqtt.catalogBytes=" + catalog.bytes + " mqtt.catalogObjects=" + catalog.objects
                + " unreadable=" + walker.unreadableClasses()
                + " firmware.top=" + String.join(";", firmware.heaviest(12)).replace(' ', ':')
                + " mqtt.top=" + String.join(";", mqtt.heaviest(12)).replace(' ', ':');
    }

    /**
     * The session's clients, every lane's: RelayBoard.session (PahoBrokerSession).lanes, each a PahoLane with its
     * receiving and publishing client.
     */
    private static Object[] findMqttClients(RelayBoard board) throws ReflectiveOperationException {
        Object session = read(board, RelayBoard.class, "session");
        List<Object> clients = new ArrayList<>();
        for (Object lane : (Object[]) read(session, session.getClass(), "lanes")) {
            for (String name : new String[] { "receiving", "publishing" }) {
                Object client = read(lane, lane.getClass(), name);
                if (client == null) {
                    continue; // a lane between connections
                }
                if (!MICROPAHO_CLIENT.equals(client.getClass().getName())) {
                    throw new IllegalStateException("unexpected MQTT client " + client.getClass());
                }
                clients.add(client);
            }
        }
        return clients.toArray();
    }

    private static Object read(Object owner, Class<?> type, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    /** @return true for what the platform owns, which neither walk counts or follows */
    static boolean isPlatform(Object object) {
        if (object instanceof Class || object instanceof ClassLoader || object instanceof Thread
                || object instanceof ThreadGroup || object instanceof java.lang.ref.Reference
                || object instanceof Module) {
            return true;
        }
        String name = object.getClass().getName();
        return name.startsWith("sun.") || name.startsWith("jdk.") || name.startsWith("java.awt.")
                || name.startsWith("javax.") || name.startsWith("java.security.")
                || name.startsWith("java.util.logging.") || name.startsWith("java.util.ResourceBundle")
                || name.startsWith("com.relayboard.host.display.") || name.startsWith("com.relayboard.host.led.")
                || name.equals("com.relayboard.host.net.StationNetwork")
                || name.equals("ej.microui.display.Display") || name.equals("ej.microui.display.GraphicsContext")
                || name.equals("ej.microui.display.Font");
    }
}
