trigger SubscriberTaskAutomation on Task(after insert) {
  SubscriberAutomation.afterTasksInserted(Trigger.new);
}
