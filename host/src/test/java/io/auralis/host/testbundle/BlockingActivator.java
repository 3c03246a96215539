package io.auralis.host.testbundle;

import java.util.concurrent.CountDownLatch;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The activator of a broken plugin: its start never returns (until its thread is interrupted). */
public class BlockingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) throws InterruptedException {
        new CountDownLatch(1).await();
    }

    @Override
    public void stop(BundleContext context) {
    }
}
