/* System V message queues select by type: msgrcv with type 0 takes the
 * oldest message, a positive type the oldest of that type, a negative type
 * the lowest type not above its absolute value; with IPC_NOWAIT and no
 * matching message msgrcv fails with ENOMSG. MSG_EXCEPT takes the first
 * message of another type. A message longer than the buffer fails with
 * E2BIG and stays queued, unless MSG_NOERROR truncates it. msgctl IPC_STAT
 * counts the queued messages; msgsnd with type 0 fails with EINVAL.
 * Syscalls: msgget, msgsnd, msgrcv, msgctl.
 */
#include "../contract.h"
#include <sys/ipc.h>
#include <sys/msg.h>

static int id = -1;

static void cleanup(void)
{
	if (id >= 0)
		msgctl(id, IPC_RMID, NULL);
}

struct msg {
	long type;
	char text[32];
};

static void send(long type, const char *text)
{
	struct msg m = {type, ""};
	strcpy(m.text, text);
	CHECK(msgsnd(id, &m, strlen(text) + 1, 0) == 0);
}

/* recv returns the type of the message received, printing its text. */
static long recv(long type, int flags, const char *what)
{
	struct msg m = {0, ""};
	ssize_t n = msgrcv(id, &m, sizeof m.text, type, flags);
	CHECK(n > 0);
	say("%s: type %ld \"%s\" (%ld bytes)", what, m.type, m.text, (long)n);
	return m.type;
}

int main(void)
{
	id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	CHECK(id >= 0);
	contract_on_fail(cleanup);
	send(3, "three");
	send(1, "one");
	send(2, "two");
	send(2, "two again");
	send(5, "five");
	struct msqid_ds ds;
	CHECK(msgctl(id, IPC_STAT, &ds) == 0);
	say("queued: %lu", (unsigned long)ds.msg_qnum);
	CHECK(ds.msg_qnum == 5);

	CHECK(recv(2, 0, "type 2") == 2);
	CHECK(recv(0, 0, "type 0 (oldest)") == 3);
	CHECK(recv(-4, 0, "type -4 (lowest <= 4)") == 1);
	CHECK(recv(2, MSG_EXCEPT, "type 2 with MSG_EXCEPT") == 5);
	struct msg m;
	CHECK_ERR(msgrcv(id, &m, sizeof m.text, 7, IPC_NOWAIT), ENOMSG);
	say("type 7 with IPC_NOWAIT: ENOMSG");
	CHECK_ERR(msgrcv(id, &m, 3, 2, 0), E2BIG);
	say("3-byte buffer for \"two again\": E2BIG");
	memset(&m, 0, sizeof m);
	CHECK(msgrcv(id, &m, 3, 2, MSG_NOERROR) == 3);
	say("with MSG_NOERROR: %.3s", m.text);
	CHECK(memcmp(m.text, "two", 3) == 0);
	CHECK(msgctl(id, IPC_STAT, &ds) == 0 && ds.msg_qnum == 0);
	say("queue empty: yes");
	m.type = 0;
	CHECK_ERR(msgsnd(id, &m, 1, 0), EINVAL);
	say("msgsnd type 0: EINVAL");

	CHECK(msgctl(id, IPC_RMID, NULL) == 0);
	CHECK_ERR(msgsnd(id, &m, 1, IPC_NOWAIT), EINVAL);
	say("msgsnd after IPC_RMID: EINVAL");
	id = -1;
	contract_pass();
	return 0;
}
