/** Two-way index between topics and their subscribers; empty topics are forgotten immediately. */
export class TopicRegistry<Subscriber> {
  private readonly subscribersByTopic = new Map<string, Set<Subscriber>>();
  private readonly topicsBySubscriber = new Map<Subscriber, Set<string>>();

  get topicCount(): number {
    return this.subscribersByTopic.size;
  }

  /** Returns false when the subscriber is already at `maxTopics` and the topic is new to it. */
  subscribe(subscriber: Subscriber, topic: string, maxTopics: number): boolean {
    let own = this.topicsBySubscriber.get(subscriber);
    if (own?.has(topic)) return true;
    if ((own?.size ?? 0) >= maxTopics) return false;
    if (!own) {
      own = new Set();
      this.topicsBySubscriber.set(subscriber, own);
    }
    own.add(topic);
    let subscribers = this.subscribersByTopic.get(topic);
    if (!subscribers) {
      subscribers = new Set();
      this.subscribersByTopic.set(topic, subscribers);
    }
    subscribers.add(subscriber);
    return true;
  }

  unsubscribe(subscriber: Subscriber, topic: string): void {
    const own = this.topicsBySubscriber.get(subscriber);
    if (!own?.delete(topic)) return;
    if (own.size === 0) this.topicsBySubscriber.delete(subscriber);
    const subscribers = this.subscribersByTopic.get(topic);
    subscribers?.delete(subscriber);
    if (subscribers?.size === 0) this.subscribersByTopic.delete(topic);
  }

  removeSubscriber(subscriber: Subscriber): void {
    for (const topic of [...(this.topicsBySubscriber.get(subscriber) ?? [])]) this.unsubscribe(subscriber, topic);
  }

  /** Whether the subscriber is in any topic (a connection in no room does nothing for anyone). */
  hasTopics(subscriber: Subscriber): boolean {
    return (this.topicsBySubscriber.get(subscriber)?.size ?? 0) > 0;
  }

  subscribers(topic: string): ReadonlySet<Subscriber> | undefined {
    return this.subscribersByTopic.get(topic);
  }
}
